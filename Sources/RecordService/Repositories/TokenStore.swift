import Crypto
public import Foundation
public import Logging
public import PostgresNIO

/// Who a bearer token names, by the token's SHA-256 (what the authenticator asks of every request).
public protocol TokenLookup: Sendable {
    /// The user a live token belongs to, or `nil`.
    func user(forHash hash: String) async throws -> Int64?

    /// The user, when this lookup already knows it without asking anyone (`RememberedTokens`).
    func remembered(_ hash: String) -> Int64?
}

extension TokenLookup {
    public func remembered(_ hash: String) -> Int64? { nil }
}

/// Tokens held in memory, for route tests that are not about SQL.
public struct MemoryTokens: TokenLookup {
    let users: [String: Int64]

    /// `tokens` maps each token, in clear, to its user.
    public init(_ tokens: [String: Int64]) {
        users = Dictionary(uniqueKeysWithValues: tokens.map { (TokenStore.hash($0.key), $0.value) })
    }

    public func user(forHash hash: String) async throws -> Int64? { users[hash] }
}

/// Bearer tokens: made at random, shown once, stored only as their SHA-256.
public struct TokenStore: TokenLookup {
    /// A token as listed: never the secret itself.
    public struct Entry: Sendable, Equatable {
        public var id: Int64
        public var user: String
        public var createdAt: Date
        public var revoked: Bool
    }

    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Makes a token for `user` (creating the user on first use) and returns it; this is the only time it exists
    /// in clear.
    public func create(user: String) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = "mr_" + Self.hex(bytes)
        let hash = Self.hash(token)
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "INSERT INTO api_user (name) VALUES (\(user)) ON CONFLICT (name) DO NOTHING", logger: logger)
            try await connection.query(
                """
                INSERT INTO api_token (user_id, token_hash)
                SELECT id, \(hash) FROM api_user WHERE name = \(user)
                """, logger: logger)
        }
        return token
    }

    /// Every token, oldest first.
    public func list() async throws -> [Entry] {
        var entries: [Entry] = []
        let rows = try await client.query(
            """
            SELECT t.id, u.name, t.created_at, t.revoked_at IS NOT NULL
            FROM api_token t JOIN api_user u ON u.id = t.user_id ORDER BY t.id
            """, logger: logger)
        for try await (id, user, created, revoked) in rows.decode((Int64, String, Date, Bool).self) {
            entries.append(Entry(id: id, user: user, createdAt: created, revoked: revoked))
        }
        return entries
    }

    /// Revokes the token with `id`; `false` when there is none.
    public func revoke(id: Int64) async throws -> Bool {
        let rows = try await client.query(
            "UPDATE api_token SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL RETURNING id",
            logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// The user a live token belongs to, or `nil`.
    public func user(for token: String) async throws -> Int64? {
        try await user(forHash: Self.hash(token))
    }

    /// The user a live token belongs to, by the token's `hash` (the caller may need the hash too).
    public func user(forHash hash: String) async throws -> Int64? {
        for try await id in try await client.execute(UserForToken(hash: hash), logger: logger) {
            return id
        }
        return nil
    }

    /// Every request runs this: prepared once per connection, it skips a parse and a plan each time.
    struct UserForToken: PostgresPreparedStatement {
        static let name = "user_for_token"
        static let sql = "SELECT user_id FROM api_token WHERE token_hash = $1 AND revoked_at IS NULL"
        typealias Row = Int64
        var hash: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(hash)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Int64 {
            try row.decode(Int64.self)
        }
    }

    /// The SHA-256 of `token`, as lower-case hex.
    static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    /// Lower-case hex, two digits a byte (the hash is computed on every request: no per-byte strings).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
