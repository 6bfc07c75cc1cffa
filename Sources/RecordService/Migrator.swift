public import Logging
public import PostgresNIO

/// Named migrations, applied once each and in order, recorded in `meteo_migration`.
///
/// Replicas that start together serialise on a transaction-scoped advisory lock (a lock, not luck); a
/// database that has migrations this build does not know is refused (`serve` must not run on a schema it
/// does not understand).
public struct Migrator: Sendable {
    /// Identifies meteo's advisory lock among the database's other users: "meteorec".
    static let lockKey: Int64 = 0x6D65_7465_6F72_6563

    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1-create-user-token-record",
            [
                """
                CREATE TABLE api_user (
                    id BIGSERIAL PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE api_token (
                    id BIGSERIAL PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES api_user (id) ON DELETE CASCADE,
                    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    revoked_at TIMESTAMPTZ
                )
                """,
                """
                CREATE TABLE record (
                    user_id BIGINT NOT NULL REFERENCES api_user (id) ON DELETE CASCADE,
                    id UUID NOT NULL,
                    body JSONB CHECK (body IS NOT NULL OR deleted_at IS NOT NULL),
                    recorded_at TIMESTAMPTZ NOT NULL,
                    deleted_at TIMESTAMPTZ,
                    PRIMARY KEY (user_id, id)
                )
                """,
                "CREATE INDEX record_live_recent ON record (user_id, recorded_at DESC, id DESC) WHERE deleted_at IS NULL",
            ]
        ),
        (
            // Every write stamps its row with the writing transaction's id and a sequence number; sync pulls in
            // that order, and only below the oldest transaction still running (see ChangeCursor).
            "v2-record-change-position",
            [
                "CREATE SEQUENCE record_change_seq",
                "ALTER TABLE record ADD COLUMN origin TEXT CHECK (length(origin) BETWEEN 1 AND 64)",
                """
                ALTER TABLE record
                    ADD COLUMN change_txid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
                    ADD COLUMN change_seq BIGINT NOT NULL DEFAULT nextval('record_change_seq')
                """,
                "CREATE INDEX record_change_position ON record (user_id, change_txid, change_seq)",
            ]
        ),
        (
            // The weather gateway's shared cache. UNLOGGED: no WAL for answers that can be fetched again; it
            // survives restarts of the service and of PostgreSQL, and is emptied only by a PostgreSQL crash.
            "v3-gateway-cache",
            [
                """
                CREATE UNLOGGED TABLE gateway_cache (
                    key TEXT PRIMARY KEY CHECK (length(key) = 64),
                    upstream TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    body BYTEA NOT NULL,
                    bytes INTEGER NOT NULL CHECK (bytes >= 0),
                    fetched_at TIMESTAMPTZ NOT NULL,
                    used_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX gateway_cache_recent ON gateway_cache (used_at DESC, key)",
            ]
        ),
    ]

    public static var knownNames: [String] { migrations.map(\.name) }

    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies what is missing; returns the names applied now.
    /// - Throws: `MigrationError.unknownMigrations` for a database from a newer service, or the database's error.
    @discardableResult
    public func migrate() async throws -> [String] {
        do {
            return try await applyMissing()
        } catch let error as PostgresTransactionError {
            // Our own refusal, not the database's: say it plainly.
            if let refusal = error.closureError as? MigrationError { throw refusal }
            throw error
        }
    }

    private func applyMissing() async throws -> [String] {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS meteo_migration (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: [String] = []
            for try await name in try await connection.query("SELECT name FROM meteo_migration", logger: logger)
                .decode(String.self)
            {
                applied.append(name)
            }
            let unknown = applied.filter { !Self.knownNames.contains($0) }
            guard unknown.isEmpty else { throw MigrationError.unknownMigrations(unknown) }
            var done: [String] = []
            for migration in Self.migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO meteo_migration (name) VALUES (\(migration.name))", logger: logger)
                done.append(migration.name)
            }
            return done
        }
    }

    /// Whether the database holds exactly the migrations this build knows.
    /// - Throws: `MigrationError` saying what is missing or unknown.
    public func verify() async throws {
        var applied: [String] = []
        let exists = try await client.query(
            "SELECT count(*)::int FROM information_schema.tables WHERE table_name = 'meteo_migration'", logger: logger)
        for try await count in exists.decode(Int.self) where count == 0 {
            throw MigrationError.missingMigrations(Self.knownNames)
        }
        for try await name in try await client.query("SELECT name FROM meteo_migration", logger: logger)
            .decode(String.self)
        {
            applied.append(name)
        }
        let unknown = applied.filter { !Self.knownNames.contains($0) }
        if !unknown.isEmpty { throw MigrationError.unknownMigrations(unknown) }
        let missing = Self.knownNames.filter { !applied.contains($0) }
        if !missing.isEmpty { throw MigrationError.missingMigrations(missing) }
    }
}

/// The database's schema is not the one this build expects.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case unknownMigrations([String])
    case missingMigrations([String])

    public var description: String {
        switch self {
        case .unknownMigrations(let names):
            "the database has migrations this meteo-records does not know (\(names.joined(separator: ", "))): upgrade it"
        case .missingMigrations(let names):
            "the database lacks migrations (\(names.joined(separator: ", "))): run `meteo-records migrate` first"
        }
    }
}
