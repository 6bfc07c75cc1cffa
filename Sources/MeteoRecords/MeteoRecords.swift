import CommandLineKit
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecordService

/// `meteo-records`: the shared record service.
@main
enum MeteoRecords {
    static let spec = CommandSpec(
        name: "meteo-records", abstract: "The shared record service for meteo, on PostgreSQL.",
        subcommands: [
            CommandSpec(
                name: "serve", abstract: "Serve the API (refuses a schema it does not know).",
                options: ServiceOptions.specs),
            CommandSpec(
                name: "migrate", abstract: "Apply the schema's migrations (safe from several replicas at once).",
                options: ServiceOptions.specs),
            CommandSpec(
                name: "token", abstract: "Manage bearer tokens.",
                subcommands: [
                    CommandSpec(
                        name: "create", abstract: "Make a token for a user; it is printed once and stored hashed.",
                        arguments: [ArgumentSpec("name", help: "The user's name (made on first use).")],
                        options: ServiceOptions.specs),
                    CommandSpec(
                        name: "list", abstract: "List tokens (never their secret).", options: ServiceOptions.specs),
                    CommandSpec(
                        name: "revoke", abstract: "Revoke a token by its id (see `token list`).",
                        arguments: [ArgumentSpec("id", help: "The token's id.")], options: ServiceOptions.specs),
                ]),
            CommandSpec(
                name: "manpage", abstract: "Write this manual page (roff) to standard output (`make man` uses it)."),
        ],
        defaultSubcommand: "serve")

    static func main() async {
        do {
            switch try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()), root: spec) {
            case .help(let text), .version(let text):
                print(text)
            case .run(let parsed) where parsed.name == "manpage":
                print(ManPage.render(spec, date: "2026-12-02", sections: manualSections), terminator: "")
            case .run(let parsed):
                try await run(parsed)
            }
        } catch let error as UsageError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(ExitCode.usage.rawValue)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(ExitCode.failure.rawValue)
        }
    }

    static func run(_ parsed: ParsedCommand) async throws {
        // The arguments first: a malformed one is named before any configuration is read.
        let action = try Action(parsed)
        let options = try ServiceOptions(parsed)
        switch action {
        case .serve:
            try await serve(configuration: options.configuration, logger: options.logger)
        case .migrate:
            let applied = try await options.withClient { client, logger in
                try await Migrator(client: client, logger: logger).migrate()
            }
            print(applied.isEmpty ? "Up to date." : "Applied: " + applied.joined(separator: ", "))
        case .createToken(let user):
            let token = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).create(user: user)
            }
            print(token)
        case .listTokens:
            let entries = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).list()
            }
            for entry in entries {
                let state = entry.revoked ? "revoked" : "active"
                print("\(entry.id)\t\(entry.user)\t\(entry.createdAt.formatted(.iso8601))\t\(state)")
            }
        case .revokeToken(let id):
            let revoked = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).revoke(id: id)
            }
            guard revoked else { throw parsed.error("No active token with id \(id).") }
            print("Revoked token \(id).")
        }
    }
}

/// What a `meteo-records` command line asks for, its arguments checked.
enum Action: Equatable {
    case serve, migrate, listTokens
    case createToken(user: String)
    case revokeToken(id: Int64)

    init(_ parsed: ParsedCommand) throws(UsageError) {
        switch parsed.path.dropFirst() {
        case ["serve"]: self = .serve
        case ["migrate"]: self = .migrate
        case ["token", "list"]: self = .listTokens
        case ["token", "create"]:
            let user = parsed.argument("name") ?? ""
            guard (1...100).contains(user.count) else { throw parsed.error("The name must be 1 to 100 characters.") }
            self = .createToken(user: user)
        case ["token", "revoke"]:
            guard let id = parsed.argument("id").flatMap({ Int64($0) }) else {
                throw parsed.error("The token's id is a number (see `token list`).")
            }
            self = .revokeToken(id: id)
        default:
            throw parsed.error("Unknown command.")
        }
    }
}

/// Options every subcommand reads: the environment, overridden by flags.
struct ServiceOptions {
    static let specs: [OptionSpec] = [
        .value("host", help: "Listen address (METEO_RECORDS_HOST, default 127.0.0.1)."),
        .value("port", help: "Listen port (METEO_RECORDS_PORT, default 8080)."),
        .value("database-url", help: "postgres://user:password@host:port/db?sslmode=… (DATABASE_URL)."),
    ]

    let configuration: ServiceConfiguration

    init(_ parsed: ParsedCommand) throws(UsageError) {
        var environment = ProcessInfo.processInfo.environment
        if let databaseURL = parsed.string("database-url") { environment["DATABASE_URL"] = databaseURL }
        let port = try parsed.int("port")
        if let port, !(0...65535).contains(port) { throw parsed.error("--port must be within 0…65535.") }
        var configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.fromEnvironment(environment)
        } catch {
            throw parsed.error(error.description)
        }
        if let host = parsed.string("host") { configuration.host = host }
        if let port { configuration.port = port }
        self.configuration = configuration
    }

    var logger: Logger {
        var logger = Logger(label: "meteo-records")
        logger.logLevel = .info
        return logger
    }

    /// Runs `body` with a connected client, then shuts the client down.
    func withClient<T: Sendable>(_ body: @escaping @Sendable (PostgresClient, Logger) async throws -> T) async throws
        -> T
    {
        let logger = logger
        // The pool's own chatter is not for a one-shot command (its run task may start a moment after the
        // first query, which it would warn about); failures still arrive as thrown errors.
        var poolLogger = logger
        poolLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration.database, backgroundLogger: poolLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client, logger)
        }
    }
}

extension MeteoRecords {
    /// What the specs do not say: the environment (12-factor), the exit status.
    static let manualSections = [
        ManPage.Section(
            "Environment",
            paragraphs: ["Flags win over the environment. Timeouts are seconds, fractions allowed, at most 300."],
            entries: [
                (
                    term: "DATABASE_URL",
                    text:
                        "postgres://user:pass@host:port/db?sslmode=... (or POSTGRES_HOST, _PORT, _USER, _PASSWORD, _DB)."
                ),
                (term: "METEO_RECORDS_HOST", text: "The listen address (default 127.0.0.1)."),
                (term: "METEO_RECORDS_PORT", text: "The listen port (default 8080)."),
                (term: "METEO_RECORDS_POOL_SIZE", text: "PostgreSQL connections per replica (default 16)."),
                (term: "METEO_RECORDS_RATE_LIMIT", text: "Requests a minute per token (default 1200); over it, 429."),
                (
                    term: "METEO_RECORDS_AUTH_FAILURE_LIMIT",
                    text: "Requests without a valid token a minute per address (default 60)."
                ),
                (
                    term: "METEO_RECORDS_DB_TIMEOUT",
                    text: "Seconds a request waits on the database before its 503 (default 2)."
                ),
                (
                    term: "METEO_RECORDS_BODY_TIMEOUT",
                    text: "Seconds a body may take to arrive (default 30); slower is 408."
                ),
                (term: "METEO_RECORDS_IDLE_TIMEOUT", text: "Seconds a silent connection is kept (default 60)."),
                (
                    term: "METEO_RECORDS_HEADER_TIMEOUT",
                    text: "Seconds a request head may take from its first byte (default 20)."
                ),
                (
                    term: "METEO_RECORDS_SHUTDOWN_TIMEOUT",
                    text: "Seconds SIGTERM gives requests in flight (default 10)."
                ),
            ]),
        ManPage.Section(
            "Weather gateway",
            paragraphs: [
                "GET /v1/gateway/NAME/PATH serves the providers' own paths and answers (NAME: geocoding, forecast, "
                    + "air-quality, openweathermap) to token holders, kept in memory and in PostgreSQL; "
                    + "Cache-Status and Age say how. Whole seconds below."
            ],
            entries: [
                (
                    term: "METEO_RECORDS_GEOCODING_URL, _FORECAST_URL, _AIR_QUALITY_URL, _OWM_URL",
                    text: "The upstreams (default: the providers' public APIs)."
                ),
                (term: "METEO_RECORDS_OWM_API_KEY", text: "The OpenWeatherMap key; never sent to clients or logged."),
                (
                    term: "METEO_RECORDS_GATEWAY_TTL, _GEOCODING_TTL",
                    text: "Freshness of a forecast (600) and of a place search (86400)."
                ),
                (
                    term: "METEO_RECORDS_GATEWAY_STALE_WHILE_REVALIDATE, _STALE_IF_ERROR",
                    text: "Served stale while refetched (600), or when the provider fails (86400)."
                ),
                (
                    term: "METEO_RECORDS_GATEWAY_CACHE_ROWS, _CACHE_MB, _MEMORY_MB",
                    text: "Bounds of the shared table (10000 rows, 256 MB) and of each replica's memory (32 MB)."
                ),
                (
                    term: "METEO_RECORDS_GATEWAY_BUDGET_OPEN_METEO, _BUDGET_OWM",
                    text: "Upstream requests a minute per replica (300, 50)."
                ),
                (
                    term: "METEO_RECORDS_GATEWAY_TIMEOUT, _MAX_RESPONSE_KB",
                    text: "An upstream request's limits (10 s, 4096 KB)."
                ),
            ]),
        ManPage.Section(
            "Exit status",
            entries: [
                (term: "0", text: "Success, or a clean shutdown."),
                (term: "1", text: "The service failed (the database cannot be reached, the schema is unknown)."),
                (term: "64", text: "The command line does not fit its command."),
            ]),
        ManPage.Section("See also", paragraphs: ["meteo(1)"]),
    ]
}
