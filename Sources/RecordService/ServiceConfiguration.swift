import Foundation
public import PostgresNIO
import Synchronization

/// What the routes enforce: the rate per token, how long to wait on the database, the pool's size.
public struct ServiceLimits: Sendable, Equatable {
    /// Requests a minute per token (bursts up to the same number).
    public var ratePerMinute = 1200
    /// A request that waits longer on the database is answered 503.
    public var databaseTimeout: Duration = .seconds(2)
    public var poolSize = 16
    /// Requests with a missing or unknown token a minute per client address; beyond it, 429 without asking the
    /// database (each unknown token would cost a lookup).
    public var authFailuresPerMinute = 60
    /// A connection with nothing to read or write for this long is closed (idle keep-alives, stalled clients).
    public var idleTimeout: Duration = .seconds(60)
    /// On SIGTERM, requests in flight have this long to be answered; then what remains is cancelled.
    public var shutdownTimeout: Duration = .seconds(10)
    /// A request head must be whole this long after its first byte (a client trickling bytes is never idle).
    public var headerTimeout: Duration = .seconds(20)
    /// Reading a request's body may take this long, apart from the database deadline (a slow uplink is not a
    /// large body).
    public var bodyTimeout: Duration = .seconds(30)
    /// How long the weather gateway trusts a token it found live without asking the database again.
    public var gatewayTokenMemory: Duration = .seconds(5)

    public init(
        ratePerMinute: Int = 1200, databaseTimeout: Duration = .seconds(2), poolSize: Int = 16,
        authFailuresPerMinute: Int = 60
    ) {
        self.ratePerMinute = ratePerMinute
        self.databaseTimeout = databaseTimeout
        self.poolSize = poolSize
        self.authFailuresPerMinute = authFailuresPerMinute
    }
}

/// How the service is configured: from the environment (12-factor), overridden by flags.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database: PostgresClient.Configuration
    public var limits = ServiceLimits()
    public var gateway = GatewaySettings()

    public init(database: PostgresClient.Configuration) {
        self.database = database
    }

    /// Reads `DATABASE_URL` (or `POSTGRES_HOST`/`PORT`/`USER`/`PASSWORD`/`DB`), `METEO_RECORDS_HOST`,
    /// `METEO_RECORDS_PORT`, `METEO_RECORDS_POOL_SIZE`, `METEO_RECORDS_RATE_LIMIT` and `METEO_RECORDS_DB_TIMEOUT`.
    /// - Throws: `ConfigurationError` naming the variable at fault.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError)
        -> ServiceConfiguration
    {
        let database: PostgresClient.Configuration
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = try DatabaseURL.parse(url)
        } else if let host = environment["POSTGRES_HOST"] {
            guard let port = Int(environment["POSTGRES_PORT"] ?? "5432") else {
                throw .invalid("POSTGRES_PORT", "a port number")
            }
            database = PostgresClient.Configuration(
                host: host, port: port, username: environment["POSTGRES_USER"] ?? "postgres",
                password: environment["POSTGRES_PASSWORD"], database: environment["POSTGRES_DB"], tls: .disable)
        } else {
            throw .missing("DATABASE_URL")
        }
        var configuration = ServiceConfiguration(database: database)
        if let host = environment["METEO_RECORDS_HOST"], !host.isEmpty { configuration.host = host }
        if let text = environment["METEO_RECORDS_PORT"], !text.isEmpty {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw .invalid("METEO_RECORDS_PORT", "a port number")
            }
            configuration.port = port
        }
        if let text = environment["METEO_RECORDS_POOL_SIZE"], !text.isEmpty {
            guard let size = Int(text), (1...1000).contains(size) else {
                throw .invalid("METEO_RECORDS_POOL_SIZE", "a number from 1 to 1000")
            }
            configuration.limits.poolSize = size
        }
        if let text = environment["METEO_RECORDS_RATE_LIMIT"], !text.isEmpty {
            guard let rate = Int(text), (1...1_000_000).contains(rate) else {
                throw .invalid("METEO_RECORDS_RATE_LIMIT", "requests a minute per token, from 1 to 1000000")
            }
            configuration.limits.ratePerMinute = rate
        }
        if let text = environment["METEO_RECORDS_AUTH_FAILURE_LIMIT"], !text.isEmpty {
            guard let rate = Int(text), (1...1_000_000).contains(rate) else {
                throw .invalid(
                    "METEO_RECORDS_AUTH_FAILURE_LIMIT",
                    "requests with a bad token a minute per address, from 1 to 1000000")
            }
            configuration.limits.authFailuresPerMinute = rate
        }
        for (name, apply) in [
            ("METEO_RECORDS_DB_TIMEOUT", { (value: Duration) in configuration.limits.databaseTimeout = value }),
            ("METEO_RECORDS_IDLE_TIMEOUT", { configuration.limits.idleTimeout = $0 }),
            ("METEO_RECORDS_HEADER_TIMEOUT", { configuration.limits.headerTimeout = $0 }),
            ("METEO_RECORDS_SHUTDOWN_TIMEOUT", { configuration.limits.shutdownTimeout = $0 }),
            ("METEO_RECORDS_BODY_TIMEOUT", { configuration.limits.bodyTimeout = $0 }),
        ] as [(String, (Duration) -> Void)] {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let seconds = Double(text), seconds > 0, seconds <= 300 else {
                throw .invalid(name, "seconds, more than 0 and at most 300")
            }
            apply(.milliseconds(Int64(seconds * 1000)))
        }
        configuration.gateway = try GatewaySettings.fromEnvironment(environment)
        configuration.database.options.maximumConnections = configuration.limits.poolSize
        // Connection attempts give up (and requests fail fast, 503) as soon as a request would.
        configuration.database.options.connectTimeout = configuration.limits.databaseTimeout
        return configuration
    }
}

/// A configuration value the service cannot start with.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .missing(let name): "\(name) is not set: give postgres://user:password@host:port/database"
        case .invalid(let name, let expected): "\(name) is invalid: expected \(expected)"
        }
    }
}

/// `postgres://user:password@host:port/database?sslmode=disable|require|verify-full`.
public enum DatabaseURL {
    public static func parse(_ text: String) throws(ConfigurationError) -> PostgresClient.Configuration {
        var rest = Substring(text)
        guard let scheme = rest.range(of: "://"), ["postgres", "postgresql"].contains(rest[..<scheme.lowerBound])
        else { throw .invalid("DATABASE_URL", "postgres://user:password@host:port/database") }
        rest = rest[scheme.upperBound...]
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        var user = "postgres"
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            user = parts.first ?? user
            password = parts.count > 1 ? parts[1] : nil
        }
        var database: String?
        if let slash = rest.firstIndex(of: "/") {
            database = String(rest[rest.index(after: slash)...]).removingPercentEncoding
            rest = rest[..<slash]
        }
        var host = String(rest)
        var port = 5432
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let value = Int(rest[rest.index(after: colon)...]) else {
                throw .invalid("DATABASE_URL", "a numeric port")
            }
            port = value
            host = String(rest[..<colon])
        }
        guard !host.isEmpty else { throw .invalid("DATABASE_URL", "a host") }
        var tls = PostgresClient.Configuration.TLS.disable
        for item in query.split(separator: "&") where item.hasPrefix("sslmode=") {
            switch item.dropFirst("sslmode=".count) {
            case "disable": tls = .disable
            // Certificates are always verified (full verification is NIOSSL's default).
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            default: throw .invalid("DATABASE_URL", "sslmode disable, prefer, require or verify-full")
            }
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
