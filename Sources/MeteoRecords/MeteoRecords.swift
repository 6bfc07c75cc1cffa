import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecordService

/// `meteo-records`: the shared record service.
@main
struct MeteoRecords: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meteo-records", abstract: "The shared record service for meteo, on PostgreSQL.",
        subcommands: [Serve.self, Migrate.self, Token.self], defaultSubcommand: Serve.self)
}

/// Options every subcommand reads: the environment, overridden by flags.
struct ServiceOptions: ParsableArguments {
    @Option(help: "Listen address (METEO_RECORDS_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Listen port (METEO_RECORDS_PORT, default 8080).")
    var port: Int?

    @Option(name: .customLong("database-url"), help: "postgres://user:password@host:port/db?sslmode=… (DATABASE_URL).")
    var databaseURL: String?

    func configuration() throws -> ServiceConfiguration {
        var environment = ProcessInfo.processInfo.environment
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        do {
            var configuration = try ServiceConfiguration.fromEnvironment(environment)
            if let host { configuration.host = host }
            if let port { configuration.port = port }
            return configuration
        } catch {
            throw ValidationError(error.description)
        }
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
        let configuration = try configuration()
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

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the API (refuses a schema it does not know).")
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let app = try await buildApplication(configuration: try options.configuration(), logger: options.logger)
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the schema's migrations (safe from several replicas at once).")
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let applied = try await options.withClient { client, logger in
            try await Migrator(client: client, logger: logger).migrate()
        }
        print(applied.isEmpty ? "Up to date." : "Applied: " + applied.joined(separator: ", "))
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage bearer tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a token for a user; it is printed once and stored hashed.")
        @Argument(help: "The user's name (made on first use).") var name: String
        @OptionGroup var options: ServiceOptions

        func validate() throws {
            guard (1...100).contains(name.count) else { throw ValidationError("The name must be 1 to 100 characters.") }
        }

        func run() async throws {
            let user = name
            let token = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).create(user: user)
            }
            print(token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secret).")
        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let entries = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).list()
            }
            for entry in entries {
                print(
                    "\(entry.id)\t\(entry.user)\t\(entry.createdAt.formatted(.iso8601))\t\(entry.revoked ? "revoked" : "active")"
                )
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (see `token list`).")
        @Argument(help: "The token's id.") var id: Int64
        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let id = id
            let revoked = try await options.withClient { client, logger in
                try await TokenStore(client: client, logger: logger).revoke(id: id)
            }
            guard revoked else { throw ValidationError("No active token with id \(id).") }
            print("Revoked token \(id).")
        }
    }
}
