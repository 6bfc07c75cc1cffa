public import Foundation
public import Logging
public import PostgresNIO
public import RecordAPI
import TextFormats

/// Records per user in PostgreSQL; every statement is parameterised.
public struct PostgresRecordRepository: RecordRepository {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Creates `record` for `user`, idempotently.
    public func put(_ record: WireRecord, user: Int64) async throws -> PutOutcome {
        guard let id = UUID(uuidString: record.id), let recordedAt = Timestamp.parse(record.recordedAt) else {
            throw UnreadableRecord(field: "id")
        }
        // Only its known fields: whatever else a client sent is dropped.
        let body = record.json
        let insert = Insert(user: user, id: id, body: body, recordedAt: recordedAt)
        for try await _ in try await client.execute(insert, logger: logger) { return .created }
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

    /// A new record, or nothing when the id is taken (then `put` looks at what holds it).
    struct Insert: PostgresPreparedStatement {
        static let name = "insert_record"
        static let sql = """
            INSERT INTO record (user_id, id, body, recorded_at) VALUES ($1, $2, $3::jsonb, $4)
            ON CONFLICT (user_id, id) DO NOTHING RETURNING 1
            """
        typealias Row = Int64
        var user: Int64
        var id: UUID
        var body: String
        var recordedAt: Date

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(user)
            bindings.append(id)
            bindings.append(body)
            bindings.append(recordedAt)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    /// The live record `id` of `user`, as the JSON stored for it (validated when it was written).
    public func get(_ id: UUID, user: Int64) async throws -> String? {
        let rows = try await client.query(
            "SELECT body::text FROM record WHERE user_id = \(user) AND id = \(id) AND deleted_at IS NULL",
            logger: logger)
        for try await text in rows.decode(String.self) { return text }
        return nil
    }

    /// One page of `user`'s live records, newest first. Bodies stay the JSON stored for them (the service
    /// validated them on the way in), and PostgreSQL joins them into one row: decoding fifty rows, or fifty
    /// records, only to write them out again was most of a list's cost.
    public func page(user: Int64, limit: Int, before cursor: PageCursor?) async throws -> RawRecordPage {
        let rows =
            if let cursor {
                try await client.execute(PageAfter(user: user, limit: limit, cursor: cursor), logger: logger)
            } else {
                try await client.execute(FirstPage(user: user, limit: limit), logger: logger)
            }
        for try await (count, records, recordedAt, id) in rows {
            var next: String?
            if count == limit, let recordedAt, let id { next = PageCursor(recordedAt: recordedAt, id: id).text }
            return RawRecordPage(records: records, next: next)
        }
        return RawRecordPage(records: "", next: nil)
    }

    /// A page as one row: how many, the bodies joined, and the last (oldest) record's position.
    typealias PageRow = (Int64, String, Date?, UUID?)

    /// The page query: `user` ($1) and `limit` ($2), narrowed by `filter` (a constant of this file).
    static func pageSQL(filter: String) -> String {
        """
        SELECT count(*), coalesce(string_agg(body::text, ',' ORDER BY recorded_at DESC, id DESC), ''),
          min(recorded_at), (array_agg(id ORDER BY recorded_at, id))[1]
        FROM (SELECT body, recorded_at, id FROM record WHERE user_id = $1 AND deleted_at IS NULL\(filter)
          ORDER BY recorded_at DESC, id DESC LIMIT $2) AS page
        """
    }

    /// The first page of a list (prepared once per connection, as every statement a request runs).
    struct FirstPage: PostgresPreparedStatement {
        static let name = "first_page"
        static let sql = pageSQL(filter: "")
        typealias Row = PageRow
        var user: Int64
        var limit: Int

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(user)
            bindings.append(Int64(limit))
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PageRow { try row.decode(PageRow.self) }
    }

    /// A later page: the records before `cursor`.
    struct PageAfter: PostgresPreparedStatement {
        static let name = "page_after"
        static let sql = pageSQL(filter: " AND (recorded_at, id) < ($3, $4)")
        typealias Row = PageRow
        var user: Int64
        var limit: Int
        var cursor: PageCursor

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(user)
            bindings.append(Int64(limit))
            bindings.append(cursor.recordedAt)
            bindings.append(cursor.id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PageRow { try row.decode(PageRow.self) }
    }

    /// Writes a tombstone for `id` (also for an id never seen, so that a late PUT cannot bring it back).
    public func delete(_ id: UUID, user: Int64) async throws {
        try await client.query(
            """
            INSERT INTO record (user_id, id, body, recorded_at, deleted_at) VALUES (\(user), \(id), NULL, now(), now())
            ON CONFLICT (user_id, id) DO UPDATE SET deleted_at = now(), origin = NULL,
                change_txid = pg_current_xact_id()::text::bigint, change_seq = nextval('record_change_seq')
            WHERE record.deleted_at IS NULL
            """, logger: logger)
    }

    /// Whether the database answers.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

}
