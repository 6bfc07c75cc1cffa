import Foundation
public import Hummingbird
public import Logging
import NIOCore
import PostgresNIO
import RecordAPI
import WeatherCore

/// Assembles the service: a PostgreSQL client run as a service, the schema checked before serving, the routes.
public func buildApplication(
    configuration: ServiceConfiguration, logger: Logger
) async throws -> some ApplicationProtocol {
    let client = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
    let limits = configuration.limits
    let deadlines = DeadlineWatch()
    let gateway = configuration.gateway
    let router = buildRouter(
        repository: PostgresRecordRepository(client: client, logger: logger),
        tokens: TokenStore(client: client, logger: logger), deadlines: deadlines, limits: limits,
        gateway: GatewaySetup(
            settings: gateway,
            shared: SharedCache(
                client: client, logger: logger, maxRows: gateway.sharedRows, maxBytes: gateway.sharedBytes)),
        logger: logger)
    var app = Application(
        router: HeadAsGet(router),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionGuard(headerTimeout: limits.headerTimeout, logger: logger)],
                idleTimeout: TimeAmount(limits.idleTimeout))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "meteo-records"),
        // Listed before the server, so that they end after it: requests draining still have their deadlines.
        services: [client, deadlines],
        logger: logger)
    app.beforeServerStarts {
        // Refuse to serve a schema this build does not know.
        try await Migrator(client: client, logger: logger).verify()
    }
    return app
}

/// What the weather gateway is built from: its settings, the cache the replicas share (none: memory only),
/// and its clock.
struct GatewaySetup: Sendable {
    var settings = GatewaySettings()
    var shared: SharedCache?
    var now: @Sendable () -> Date = { Date() }
    /// Receives the gateway built, for tests that wait for its background fetches.
    var built: @Sendable (Gateway) -> Void = { _ in }
}

/// The routes, over any repository and tokens; `deadlines` must run beside them (the application's services do).
func buildRouter(
    repository: some RecordRepository, tokens: some TokenLookup, deadlines: DeadlineWatch,
    limits: ServiceLimits = ServiceLimits(), gateway setup: GatewaySetup = GatewaySetup(), logger: Logger
) -> Router<RecordsRequestContext> {
    let router = Router(context: RecordsRequestContext.self)
    let metrics = ServiceMetrics(poolSize: limits.poolSize)
    let settings = setup.settings
    let http = CurlHTTPClient(
        options: .init(
            connectTimeout: min(5, Double(settings.upstreamTimeout.components.seconds)),
            totalTimeout: Double(settings.upstreamTimeout.components.seconds),
            maxResponseBytes: settings.maxResponseBytes, maxRedirects: 0, userAgent: "meteo-records"))
    let gateway = Gateway(
        settings: settings, http: http, shared: setup.shared, metrics: metrics, logger: logger, deadlines: deadlines,
        databaseTimeout: limits.databaseTimeout, now: setup.now)
    setup.built(gateway)
    router.add(
        middleware: RequestObservation(
            metrics: metrics, logger: logger, deadlines: deadlines, databaseTimeout: limits.databaseTimeout,
            bodyTimeout: limits.bodyTimeout))
    router.get(RouterPath(RecordPaths.health)) { _, _ in JSONResponse.make(["status": "ok"]) }
    router.get(RouterPath(RecordPaths.ready)) { _, _ in
        do {
            try await byDeadline { try await repository.ping() }
            return JSONResponse.make(["status": "ready"])
        } catch {
            throw APIError(
                status: .serviceUnavailable, code: "not_ready", message: "the database does not answer", retryAfter: 2)
        }
    }
    router.get(RouterPath(RecordPaths.metrics)) { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
    for (path, allowed) in [
        (RecordPaths.health, [HTTPRequest.Method.get]), (RecordPaths.ready, [.get]), (RecordPaths.metrics, [.get]),
        (RecordPaths.records, [.get]), (RecordPaths.records + "/:id", [.get, .put, .delete]),
        (RecordPaths.sync, [.post]),
    ] + GatewayUpstream.allCases.flatMap({ upstream in upstream.paths.map { (upstream.prefix + $0, [.get]) } }) {
        MethodNotAllowed.add(to: router, path: RouterPath(path), allowed: allowed)
    }
    let authenticator = TokenAuthenticator(
        tokens: tokens,
        limiter: RateLimiter(perMinute: limits.ratePerMinute),
        failures: RateLimiter(perMinute: limits.authFailuresPerMinute))
    RecordController(repository: repository).add(
        to: router.group(RouterPath(RecordPaths.records)).add(middleware: authenticator))
    SyncController(repository: repository).add(
        to: router.group(RouterPath(RecordPaths.sync)).add(middleware: authenticator))
    // The gateway's hits are answered from memory: its tokens are remembered for a few seconds, where records and
    // sync ask PostgreSQL on every request (a revoked token reads the weather that much longer, never records).
    // One rate budget per token for both.
    var gatewayAuthenticator = TokenAuthenticator(
        tokens: RememberedTokens(tokens, ttl: limits.gatewayTokenMemory), limiter: authenticator.limiter,
        failures: authenticator.failures)
    gatewayAuthenticator.deadline = (limits.databaseTimeout, deadlines)
    GatewayController(gateway: gateway).add(
        to: router.group(RouterPath(RecordPaths.gateway)).add(middleware: gatewayAuthenticator))
    return router
}
