public import Foundation
public import RecordAPI
import Synchronization
import TextFormats

/// Records per user in memory, with the semantics of `PostgresRecordRepository`: the route tests that are not
/// about SQL run on it, and the repository contract tests hold both to the same answers.
public final class MemoryRecordRepository: RecordRepository {
    private struct Row {
        /// The stored JSON; kept after a delete, as PostgreSQL keeps it, so that a PUT of it again says `deleted`.
        var body: String?
        /// Microseconds since 1970, as PostgreSQL's `timestamptz` holds them.
        var recordedAt: Int64
        var deletedAt: Date?
        var origin: String?
        var change: Int64
    }

    private struct State {
        var users: [Int64: [UUID: Row]] = [:]
        var lastChange: Int64 = 0

        mutating func nextChange() -> Int64 {
            lastChange += 1
            return lastChange
        }
    }

    private let state = Mutex(State())

    public init() {}

    public func put(_ record: WireRecord, user: Int64) async throws -> PutOutcome {
        guard let id = UUID(uuidString: record.id), let recordedAt = Timestamp.parse(record.recordedAt) else {
            throw UnreadableRecord(field: "id")
        }
        let body = record.json
        return state.withLock { state in
            if let row = state.users[user]?[id] {
                if row.deletedAt != nil { return .deleted }
                return row.body == body ? .unchanged : .conflict
            }
            let change = state.nextChange()
            state.users[user, default: [:]][id] = Row(
                body: body, recordedAt: Self.microseconds(recordedAt), origin: nil, change: change)
            return .created
        }
    }

    public func get(_ id: UUID, user: Int64) async throws -> String? {
        state.withLock { state in
            guard let row = state.users[user]?[id], row.deletedAt == nil else { return nil }
            return row.body
        }
    }

    public func page(user: Int64, limit: Int, before cursor: PageCursor?) async throws -> RawRecordPage {
        let after = cursor.map { (Self.microseconds($0.recordedAt), Self.key($0.id)) }
        let live = state.withLock { state in
            (state.users[user] ?? [:]).compactMap { id, row -> (Int64, String, UUID, String)? in
                guard row.deletedAt == nil, let body = row.body else { return nil }
                let position = (row.recordedAt, Self.key(id))
                if let after, position >= after { return nil }
                return (row.recordedAt, Self.key(id), id, body)
            }
        }
        let page = live.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.prefix(limit)
        var next: String?
        if page.count == limit, let last = page.last {
            next = PageCursor(recordedAt: Date(timeIntervalSince1970: Double(last.0) / 1_000_000), id: last.2).text
        }
        return RawRecordPage(records: page.map(\.3).joined(separator: ","), next: next)
    }

    public func delete(_ id: UUID, user: Int64) async throws {
        state.withLock { state in
            let now = Date()
            var row =
                state.users[user]?[id] ?? Row(body: nil, recordedAt: Self.microseconds(now), origin: nil, change: 0)
            guard row.deletedAt == nil else { return }
            row.deletedAt = now
            row.origin = nil
            row.change = state.nextChange()
            state.users[user, default: [:]][id] = row
        }
    }

    public func push(_ changes: [WireChange], user: Int64, device: String?) async throws -> [PushResult] {
        let plan = PushPlan(changes)
        return state.withLock { state in
            var rows = state.users[user] ?? [:]
            var status: [UUID: PushStatus] = [:]
            for record in plan.records {
                if let row = rows[record.id] {
                    status[record.id] =
                        row.deletedAt != nil ? .deleted : (row.body == record.body ? .unchanged : .conflict)
                } else {
                    rows[record.id] = Row(
                        body: record.body, recordedAt: Self.microseconds(record.recordedAt), origin: device,
                        change: state.nextChange())
                    status[record.id] = .created
                }
            }
            for tombstone in plan.tombstones {
                var row =
                    rows[tombstone.id]
                    ?? Row(body: nil, recordedAt: Self.microseconds(tombstone.deletedAt), origin: device, change: 0)
                guard row.deletedAt == nil else { continue }
                row.deletedAt = tombstone.deletedAt
                row.origin = device
                row.change = state.nextChange()
                rows[tombstone.id] = row
            }
            state.users[user] = rows
            return plan.results(status)
        }
    }

    public func pull(user: Int64, after cursor: ChangeCursor, limit: Int, device: String?) async throws
        -> PulledChanges
    {
        guard limit > 0 else { return PulledChanges(items: [], cursor: cursor, more: false) }
        return state.withLock { state in
            let rows = state.users[user] ?? [:]
            let newer = rows.filter { Self.position($0.value.change) > cursor }
            let page = newer.filter { device == nil || $0.value.origin != device }.sorted {
                $0.value.change < $1.value.change
            }
            let items = page.prefix(limit).map { id, row in
                PulledChange(
                    id: Self.key(id), body: row.deletedAt == nil ? row.body : nil,
                    deletedAt: row.deletedAt.map(Timestamp.format))
            }
            let full = page.count > limit
            // Past a partial page, the cursor moves over everything, the caller's own changes included.
            let last = full ? page[limit - 1].value.change : newer.map(\.value.change).max()
            return PulledChanges(items: items, cursor: last.map(Self.position) ?? cursor, more: full)
        }
    }

    public func ping() async throws {}

    /// Every change commits at once here, so one transaction number does for all.
    private static func position(_ change: Int64) -> ChangeCursor { ChangeCursor(transaction: 1, sequence: change) }

    /// The id as PostgreSQL orders and prints it.
    private static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    private static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
