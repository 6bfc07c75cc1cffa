public import Foundation
public import RecordAPI
public import TextFormats

/// Where the service keeps each user's records and their changes: PostgreSQL in production
/// (`PostgresRecordRepository`), memory in route tests (`MemoryRecordRepository`).
///
/// Records arrive already admitted by the controllers (`WireRecord.problems()` is empty); a repository answers in
/// its own terms (`PutOutcome`, `PushStatus`) and the controllers say what that is in HTTP.
public protocol RecordRepository: Sendable {
    /// Creates `record` for `user`, idempotently.
    func put(_ record: WireRecord, user: Int64) async throws -> PutOutcome
    /// The live record `id` of `user`, as its stored JSON.
    func get(_ id: UUID, user: Int64) async throws -> String?
    /// One page of `user`'s live records, newest first, after `cursor`.
    func page(user: Int64, limit: Int, before cursor: PageCursor?) async throws -> RawRecordPage
    /// Writes a tombstone for `id`, also for an id never seen (so that a late PUT cannot bring it back).
    func delete(_ id: UUID, user: Int64) async throws
    /// Applies a batch of changes at once and says what became of each, in order; a batch applied twice changes
    /// nothing the second time, and a tombstone wins over its record whichever arrives first.
    func push(_ changes: [WireChange], user: Int64, device: String?) async throws -> [PushResult]
    /// The changes of `user` after `cursor`, oldest first, leaving out those `device` made itself.
    func pull(user: Int64, after cursor: ChangeCursor, limit: Int, device: String?) async throws -> PulledChanges
    /// Whether the store answers.
    func ping() async throws
}

/// A record the controllers let through that a repository still cannot hold (its id or time unreadable).
public struct UnreadableRecord: Error, Equatable {
    public var field: String
}

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

/// A page of records as stored JSON: `RecordPage`'s shape, written without decoding the records.
public struct RawRecordPage: Sendable, Equatable {
    /// The records' JSON objects, comma-separated, newest first.
    public var records: String
    public var next: String?

    /// `{"next": …, "records": [ … ]}`.
    public var json: String {
        var out = JSONText(capacity: records.utf8.count + 64)
        out.raw("{\"next\":")
        out.string(next)
        out.raw(",\"records\":[")
        out.raw(records)
        out.raw("]}")
        return out.text
    }
}

/// One pulled change: a record as its stored JSON, or a tombstone.
public struct PulledChange: Sendable, Equatable {
    public var id: String
    /// The record's JSON as stored (validated when written); `nil` for a tombstone.
    public var body: String?
    public var deletedAt: String?

    /// `WireChange`'s JSON, written without decoding the record.
    public func write(to out: inout JSONText) {
        out.raw("{\"deleted_at\":")
        out.string(deletedAt)
        out.raw(",\"id\":")
        out.string(id)
        out.raw(",\"record\":")
        out.raw(body ?? "null")
        out.raw("}")
    }
}

/// One page of pulled changes.
public struct PulledChanges: Sendable, Equatable {
    public var items: [PulledChange]
    public var cursor: ChangeCursor
    /// More changes wait after `cursor`, or some have committed but are not final yet.
    public var more: Bool

    /// The changes, decoded (for tests and tools; the route sends `items` as they are).
    public var changes: [WireChange] {
        items.compactMap { item in
            if let deletedAt = item.deletedAt { return WireChange(tombstone: item.id, deletedAt: deletedAt) }
            guard let body = item.body,
                let record = try? JSONDecoder().decode(WireRecord.self, from: Data(body.utf8))
            else { return nil }
            return WireChange(record: record)
        }
    }
}

/// A push batch sorted for writing, and the rules that turn what the store did into one answer per entry: both
/// repositories answer a batch the same way because both go through this.
struct PushPlan {
    struct NewRecord {
        var id: UUID
        var body: String
        var recordedAt: Date
    }

    struct Tombstone {
        var id: UUID
        var deletedAt: Date
    }

    let changes: [WireChange]
    /// The first entry of each id, in order; later entries of the same id are answered for themselves.
    private(set) var records: [NewRecord] = []
    private(set) var tombstones: [Tombstone] = []
    private var repeated: [Int: PushStatus] = [:]
    private var tombstoned = Set<UUID>()

    init(_ changes: [WireChange]) {
        self.changes = changes
        var firstBodies: [UUID: String] = [:]
        for (index, change) in changes.enumerated() {
            guard let id = UUID(uuidString: change.id) else { continue }
            if let record = change.record, let recordedAt = Timestamp.parse(record.recordedAt) {
                let body = record.json
                if let first = firstBodies[id] {
                    // The same body again changes nothing; another body is a conflict (it is not kept).
                    repeated[index] = first == body ? .unchanged : .conflict
                    continue
                }
                firstBodies[id] = body
                records.append(NewRecord(id: id, body: body, recordedAt: recordedAt))
            } else if let text = change.deletedAt, let deletedAt = Timestamp.parse(text),
                tombstoned.insert(id).inserted
            {
                tombstones.append(Tombstone(id: id, deletedAt: deletedAt))
            }
        }
    }

    /// One result per change, given what became of each new record (`status`; absent means refused).
    func results(_ status: [UUID: PushStatus]) -> [PushResult] {
        changes.enumerated().map { index, change in
            guard let id = UUID(uuidString: change.id) else { return PushResult(id: change.id, status: .conflict) }
            if change.isTombstone || tombstoned.contains(id) { return PushResult(id: change.id, status: .deleted) }
            if let again = repeated[index] {
                // The same body as a first entry that was refused is refused too.
                let first = status[id] ?? .conflict
                return PushResult(id: change.id, status: again == .unchanged && first == .conflict ? .conflict : again)
            }
            return PushResult(id: change.id, status: status[id] ?? .conflict)
        }
    }
}
