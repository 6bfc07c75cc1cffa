public import Foundation
public import Logging
public import PostgresNIO
public import RecordAPI

/// What a PUT did.
public enum PutOutcome: Sendable, Equatable {
    case created
    /// The same body was already there.
    case unchanged
    /// Another body has that id.
    case conflict
    /// The id was deleted; a tombstone always wins over its record.
    case deleted
}

/// Records per user in PostgreSQL; every statement is parameterised.
public struct PostgresRecordRepository: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Each call gives up after this long (`DatabaseTimeout`): a database that does not answer is a fast 503.
    let deadline: Duration

    public init(client: PostgresClient, logger: Logger, deadline: Duration = .seconds(30)) {
        self.client = client
        self.logger = logger
        self.deadline = deadline
    }

    /// Creates `record` for `user`, idempotently.
    public func put(_ record: WireRecord, user: Int64) async throws -> PutOutcome {
        try await withDeadline(deadline) {
            guard let id = UUID(uuidString: record.id), let recordedAt = Timestamp.parse(record.recordedAt) else {
                throw APIError.invalid(field: "id", message: "must be a UUID")
            }
            let body = Self.canonicalJSON(record)
            let inserted = try await client.query(
                """
                INSERT INTO record (user_id, id, body, recorded_at) VALUES (\(user), \(id), \(body)::jsonb, \(recordedAt))
                ON CONFLICT (user_id, id) DO NOTHING RETURNING 1
                """, logger: logger)
            for try await _ in inserted.decode(Int.self) { return .created }
            let existing = try await client.query(
                """
                SELECT body = \(body)::jsonb, deleted_at IS NOT NULL FROM record WHERE user_id = \(user) AND id = \(id)
                """, logger: logger)
            for try await (same, deleted) in existing.decode((Bool?, Bool).self) {
                if deleted { return .deleted }
                return same == true ? .unchanged : .conflict
            }
            return .conflict
        }
    }

    /// The live record `id` of `user`, as the JSON stored for it (validated when it was written).
    public func get(_ id: UUID, user: Int64) async throws -> String? {
        try await withDeadline(deadline) {
            let rows = try await client.query(
                "SELECT body::text FROM record WHERE user_id = \(user) AND id = \(id) AND deleted_at IS NULL",
                logger: logger)
            for try await text in rows.decode(String.self) { return text }
            return nil
        }
    }

    /// One page of `user`'s live records, newest first. Bodies stay the JSON stored for them: the service
    /// validated them on the way in, and decoding 50 records only to encode them again was most of a list's cost.
    public func page(user: Int64, limit: Int, before cursor: PageCursor?) async throws -> RawRecordPage {
        try await withDeadline(deadline) {
            var bodies: [String] = []
            var last: PageCursor?
            let rows: PostgresRowSequence
            if let cursor {
                rows = try await client.query(
                    """
                    SELECT body::text, recorded_at, id FROM record
                    WHERE user_id = \(user) AND deleted_at IS NULL AND (recorded_at, id) < (\(cursor.recordedAt), \(cursor.id))
                    ORDER BY recorded_at DESC, id DESC LIMIT \(limit)
                    """, logger: logger)
            } else {
                rows = try await client.query(
                    """
                    SELECT body::text, recorded_at, id FROM record WHERE user_id = \(user) AND deleted_at IS NULL
                    ORDER BY recorded_at DESC, id DESC LIMIT \(limit)
                    """, logger: logger)
            }
            for try await (text, recordedAt, id) in rows.decode((String, Date, UUID).self) {
                bodies.append(text)
                last = PageCursor(recordedAt: recordedAt, id: id)
            }
            return RawRecordPage(bodies: bodies, next: bodies.count == limit ? last?.text : nil)
        }
    }

    /// Writes a tombstone for `id` (also for an id never seen, so that a late PUT cannot bring it back).
    public func delete(_ id: UUID, user: Int64) async throws {
        try await withDeadline(deadline) {
            try await client.query(
                """
                INSERT INTO record (user_id, id, body, recorded_at, deleted_at) VALUES (\(user), \(id), NULL, now(), now())
                ON CONFLICT (user_id, id) DO UPDATE SET deleted_at = now(), origin = NULL,
                    change_txid = pg_current_xact_id()::text::bigint, change_seq = nextval('record_change_seq')
                WHERE record.deleted_at IS NULL
                """, logger: logger)
        }
    }

    /// Whether the database answers.
    public func ping() async throws {
        try await withDeadline(deadline) {
            try await client.query("SELECT 1", logger: logger)
        }
    }

    /// The body stored for `record`: only its known fields (whatever else a client sent is dropped).
    static func canonicalJSON(_ record: WireRecord) -> String {
        record.json
    }

    static func decode(_ text: String) throws -> WireRecord {
        try JSONDecoder().decode(WireRecord.self, from: Data(text.utf8))
    }
}

/// A page of records as stored JSON: `RecordPage`'s shape, written without decoding the records.
public struct RawRecordPage: Sendable, Equatable {
    public var bodies: [String]
    public var next: String?

    /// `{"next": …, "records": [ … ]}`.
    public var json: String {
        let next = self.next.map { "\"\($0)\"" } ?? "null"  // base64url: nothing to escape
        return "{\"next\":\(next),\"records\":[" + bodies.joined(separator: ",") + "]}"
    }
}

/// Where a page ended: the last record's time and id, sent to clients as an opaque string.
public struct PageCursor: Sendable, Equatable {
    public var recordedAt: Date
    public var id: UUID

    /// "<microseconds since 1970>.<uuid>", base64url so that clients treat it as opaque.
    public var text: String {
        OpaqueText.encode(
            "\(Int64((recordedAt.timeIntervalSince1970 * 1_000_000).rounded())).\(id.uuidString.lowercased())")
    }

    public init(recordedAt: Date, id: UUID) {
        self.recordedAt = recordedAt
        self.id = id
    }

    /// Reads what `text` wrote; `nil` for anything else.
    public init?(text: String) {
        guard let raw = OpaqueText.decode(text) else { return nil }
        let parts = raw.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let micros = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else {
            return nil
        }
        self.init(recordedAt: Date(timeIntervalSince1970: Double(micros) / 1_000_000), id: id)
    }
}

/// Cursors travel as base64url text so that clients treat them as opaque.
enum OpaqueText {
    static func encode(_ raw: String) -> String {
        Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> String? {
        guard text.count <= 128 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
