public import Hummingbird
public import Logging
import NIOCore
public import PostgresNIO

/// Assembles the service: a PostgreSQL client run as a service, the schema checked before serving, the routes.
public func buildApplication(
    configuration: ServiceConfiguration, logger: Logger
) async throws -> some ApplicationProtocol {
    let client = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
    let router = buildRouter(client: client, logger: logger)
    var app = Application(
        router: router,
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
public func buildRouter(client: PostgresClient, logger: Logger) -> Router<RecordsRequestContext> {
    let router = Router(context: RecordsRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    let repository = PostgresRecordRepository(client: client, logger: logger)
    router.get("/healthz") { _, _ in JSONResponse.make(["status": "ok"]) }
    router.get("/readyz") { _, _ in
        do {
            try await repository.ping()
            return JSONResponse.make(["status": "ready"])
        } catch {
            throw APIError(status: .serviceUnavailable, code: "not_ready", message: "the database does not answer")
        }
    }
    let records = router.group("v1/records").add(
        middleware: TokenAuthenticator(tokens: TokenStore(client: client, logger: logger)))
    RecordController(repository: repository).add(to: records)
    return router
}
