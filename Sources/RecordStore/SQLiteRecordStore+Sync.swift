public import RecordAPI
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One local change waiting to reach the service: a record, or its deletion (`record.deletedAt` set).
public struct PendingChange: Sendable, Equatable {
    public var record: WeatherRecord
    /// Whether the row was live when it was read: marking it sent must not swallow a delete made meanwhile.
    public var wasLive: Bool

    public var id: String { record.id }

    public init(record: WeatherRecord, wasLive: Bool) {
        self.record = record
        self.wasLive = wasLive
    }
}

/// One change another device made, as the service sent it.
public enum RemoteChange: Sendable, Equatable {
    case record(WeatherRecord)
    case tombstone(id: String, deletedAt: Date)
}

/// What one sync round changed in this store.
public struct AppliedSync: Sendable, Equatable {
    /// Records that arrived from other devices.
    public var added = 0
    /// Records deleted by other devices (or found deleted on the service).
    public var deleted = 0
    /// Local records the service refused for good (a different record under the same id).
    public var refused = 0

    public init(added: Int = 0, deleted: Int = 0, refused: Int = 0) {
        self.added = added
        self.deleted = deleted
        self.refused = refused
    }
}

/// The sync half of the store: what to push, what was pushed, what was pulled, and where the pull stands.
extension SQLiteRecordStore {
    /// This store's name on the service (made once) and where its last pull ended.
    /// Changing `account` (another service or token) starts over: no cursor, every record to push again.
    public func beginSync(account: String) throws(RecordStoreError) -> (device: String, cursor: String?) {
        try write { connection in
            var state: [String: String] = [:]
            for row in try connection.query("SELECT key, value FROM sync_state") {
                if let key = row.text("key"), let value = row.text("value") { state[key] = value }
            }
            let device = state["device"] ?? UUID().uuidString.lowercased()
            if state["device"] == nil { try Self.setState(connection, "device", device) }
            if state["account"] != account {
                try connection.query("DELETE FROM sync_state WHERE key = 'cursor'")
                try connection.query("UPDATE record SET dirty = 1")
                try Self.setState(connection, "account", account)
                return (device, nil)
            }
            return (device, state["cursor"])
        }
    }

    /// Up to `limit` local changes not yet on the service. Records the service could never accept (`sendable`
    /// says which: the sync client knows the wire) are set aside and counted, not retried.
    public func pendingChanges(
        limit: Int, sendable: (WeatherRecord) -> Bool = { _ in true }
    ) throws(RecordStoreError) -> (changes: [PendingChange], setAside: Int) {
        try write { connection in
            var changes: [PendingChange] = []
            var setAside = 0
            let rows = try connection.query(
                "SELECT * FROM record WHERE dirty = 1 ORDER BY rowid LIMIT ?", [.integer(Int64(limit))])
            for row in rows {
                guard let record = RecordRow.record(row) else { continue }
                if record.deletedAt != nil {
                    changes.append(PendingChange(record: record, wasLive: false))
                    continue
                }
                guard sendable(record) else {
                    try connection.query("UPDATE record SET dirty = 0 WHERE id = ?", [.text(record.id)])
                    setAside += 1
                    continue
                }
                changes.append(PendingChange(record: record, wasLive: true))
            }
            return (changes, setAside)
        }
    }

    /// How many local changes wait for the service.
    public func pendingCount() throws(RecordStoreError) -> Int {
        try read { connection in
            Int(try connection.query("SELECT count(*) AS n FROM record WHERE dirty = 1").first?.integer("n") ?? 0)
        }
    }

    /// Applies one round in one transaction: what the service said of each sent change, the changes it sent
    /// back, and the cursor to pull from next (`nil` leaves it as it is).
    public func applySync(
        sent: [PendingChange], results: [PushResult], pulled: [RemoteChange], cursor: String?, now: Date
    ) throws(RecordStoreError) -> AppliedSync {
        try write { connection in
            var applied = AppliedSync()
            let nowMillis = RecordRow.millis(now)
            for (pending, result) in zip(sent, results) where pending.id == result.id {
                let id = SQLiteValue.text(result.id)
                switch result.status {
                case .created, .unchanged,
                    .deleted where !pending.wasLive:
                    // Only if the row is still as it was sent.
                    try connection.query(
                        "UPDATE record SET dirty = 0 WHERE id = ? AND (deleted_at IS NULL) = ?",
                        [id, .integer(pending.wasLive ? 1 : 0)])
                case .deleted:
                    // The service holds a tombstone for this record: it wins here too.
                    try connection.query(
                        "UPDATE record SET deleted_at = coalesce(deleted_at, ?), dirty = 0 WHERE id = ?",
                        [.integer(nowMillis), id])
                    applied.deleted += connection.changes
                case .conflict:
                    try connection.query("UPDATE record SET dirty = 0 WHERE id = ?", [id])
                    applied.refused += 1
                }
            }
            for change in pulled {
                switch change {
                case .record(let record):
                    let gone = try connection.query(
                        "SELECT 1 FROM remote_tombstone WHERE id = ?", [.text(record.id)])
                    guard gone.isEmpty else { continue }
                    try connection.query(RecordRow.insertSyncedSQL, RecordRow.values(record))
                    applied.added += connection.changes
                case .tombstone(let id, let deletedAt):
                    try connection.query(
                        "UPDATE record SET deleted_at = ?, dirty = 0 WHERE id = ? AND deleted_at IS NULL",
                        [.integer(RecordRow.millis(deletedAt)), .text(id)])
                    if connection.changes > 0 {
                        applied.deleted += 1
                    } else if try connection.query("SELECT 1 FROM record WHERE id = ?", [.text(id)]).isEmpty {
                        try connection.query(
                            "INSERT OR IGNORE INTO remote_tombstone (id, deleted_at) VALUES (?, ?)",
                            [.text(id), .integer(RecordRow.millis(deletedAt))])
                    }
                }
            }
            if let cursor { try Self.setState(connection, "cursor", cursor) }
            return applied
        }
    }

    /// Every id this store knows, live or deleted (tombstones pulled for records it never held included).
    public func syncedIDs() throws(RecordStoreError) -> (live: Set<String>, deleted: Set<String>) {
        try read { connection in
            var live = Set<String>()
            var deleted = Set<String>()
            for row in try connection.query("SELECT id, deleted_at FROM record") {
                guard let id = row.text("id") else { continue }
                if row.integer("deleted_at") == nil { live.insert(id) } else { deleted.insert(id) }
            }
            for row in try connection.query("SELECT id FROM remote_tombstone") {
                if let id = row.text("id") { deleted.insert(id) }
            }
            return (live, deleted)
        }
    }

    private static func setState(_ connection: SQLiteConnection, _ key: String, _ value: String) throws {
        try connection.query(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }
}
