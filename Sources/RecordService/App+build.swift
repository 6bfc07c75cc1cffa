public import Hummingbird
public import Logging
import NIOCore
public import PostgresNIO
import RecordAPI

/// Assembles the service: a PostgreSQL client run as a service, the schema checked before serving, the routes.
public func buildApplication(
    configuration: ServiceConfiguration, logger: Logger
) async throws -> some ApplicationProtocol {
    let client = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
    let router = buildRouter(client: client, limits: configuration.limits, logger: logger)
    let limits = configuration.limits
    var app = Application(
        router: HeadAsGet(router),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionGuard(headerTimeout: limits.headerTimeout, logger: logger)],
                idleTimeout: TimeAmount(limits.idleTimeout))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "meteo-records"),
        services: [client],
        logger: logger)
    app.beforeServerStarts {
        // Refuse to serve a schema this build does not know.
        try await Migrator(client: client, logger: logger).verify()
    }
    return app
}

/// The routes, over any PostgreSQL client (tests pass their own).
public func buildRouter(
    client: PostgresClient, limits: ServiceLimits = ServiceLimits(), logger: Logger
) -> Router<RecordsRequestContext> {
    let router = Router(context: RecordsRequestContext.self)
    let metrics = ServiceMetrics(poolSize: limits.poolSize)
    router.add(
        middleware: RequestObservation(
            metrics: metrics, logger: logger, databaseTimeout: limits.databaseTimeout, bodyTimeout: limits.bodyTimeout))
    let repository = PostgresRecordRepository(client: client, logger: logger)
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
    ] {
        MethodNotAllowed.add(to: router, path: RouterPath(path), allowed: allowed)
    }
    let authenticator = TokenAuthenticator(
        tokens: TokenStore(client: client, logger: logger),
        limiter: RateLimiter(perMinute: limits.ratePerMinute),
        failures: RateLimiter(perMinute: limits.authFailuresPerMinute))
    RecordController(repository: repository).add(
        to: router.group(RouterPath(RecordPaths.records)).add(middleware: authenticator))
    SyncController(repository: repository).add(
        to: router.group(RouterPath(RecordPaths.sync)).add(middleware: authenticator))
    return router
}
