public import RecordRules
import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One change travelling either way: a record (`record` set) or the tombstone of an id (`deleted_at` set).
public struct WireChange: Codable, Sendable, Hashable {
    public var id: String
    public var record: WireRecord?
    public var deletedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, record
        case deletedAt = "deleted_at"
    }

    public init(record: WireRecord) {
        id = record.id
        self.record = record
        deletedAt = nil
    }

    public init(tombstone id: String, deletedAt: String) {
        self.id = id
        record = nil
        self.deletedAt = deletedAt
    }

    public var isTombstone: Bool { deletedAt != nil }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(record, forKey: .record)  // null, not absent: one shape for both kinds
        try container.encode(deletedAt, forKey: .deletedAt)
    }

    /// The change as JSON, by hand (see `WireRecord.json`).
    public var json: String {
        var out = JSONText()
        out.raw("{\"deleted_at\":")
        out.string(deletedAt)
        out.raw(",\"id\":")
        out.string(id)
        out.raw(",\"record\":")
        out.raw(record?.json ?? "null")
        out.raw("}")
        return out.text
    }

    /// What is wrong with this change, its fields named under `prefix`.
    public func problems(prefix: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !UUIDText.isCanonical(id) {
            problems.append(FieldProblem(field: prefix + "id", message: "must be a lower-case UUID"))
        }
        switch (record, deletedAt) {
        case (let record?, nil):
            if record.id != id {
                problems.append(FieldProblem(field: prefix + "record.id", message: "must equal the change's id"))
            }
            problems += record.problems().map {
                FieldProblem(field: prefix + "record." + $0.field, message: $0.message)
            }
        case (nil, let deletedAt?):
            if !(RFC3339.parse(deletedAt).map(RecordRules.isInEra) ?? false) {
                problems.append(FieldProblem(field: prefix + "deleted_at", message: RecordRules.timeRule))
            }
        default:
            problems.append(
                FieldProblem(field: prefix + "record", message: "exactly one of record and deleted_at must be set"))
        }
        return problems
    }
}

/// `POST /v1/sync`: push a batch of local changes, pull the server's changes after `cursor`.
public struct SyncRequest: Codable, Sendable, Hashable {
    /// The most changes one request may push, and the most one response may pull.
    public static let maxChanges = 500

    public var changes: [WireChange]
    /// Where the last pull ended; absent for a first sync.
    public var cursor: String?
    /// The most changes to pull (0…500, default 500); 0 pushes only.
    public var limit: Int?
    /// Names the calling store so that its own changes are not sent back to it (1 to 64 code points, no control
    /// characters).
    public var device: String?

    public init(changes: [WireChange], cursor: String?, limit: Int? = nil, device: String? = nil) {
        self.changes = changes
        self.cursor = cursor
        self.limit = limit
        self.device = device
    }

    /// The request as JSON, by hand (see `WireRecord.json`).
    public var json: String {
        var out = JSONText()
        out.raw("{\"changes\":[")
        out.raw(changes.map(\.json).joined(separator: ","))
        out.raw("],\"cursor\":")
        out.string(cursor)
        out.raw(",\"device\":")
        out.string(device)
        out.raw(",\"limit\":")
        out.number(limit.map(Double.init))
        out.raw("}")
        return out.text
    }

    /// What is wrong with this request, field by field.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if changes.count > Self.maxChanges {
            problems.append(FieldProblem(field: "changes", message: "must hold at most \(Self.maxChanges) changes"))
        }
        if let limit, !(0...Self.maxChanges).contains(limit) {
            problems.append(FieldProblem(field: "limit", message: "must be a number from 0 to \(Self.maxChanges)"))
        }
        // Code points, as JSON Schema's maxLength counts them (a character may hold many), and no controls
        // (PostgreSQL text cannot hold NUL).
        if let device, device.isEmpty || device.unicodeScalars.count > 64 || TerminalText.needsEscaping(device) {
            problems.append(
                FieldProblem(field: "device", message: "must be 1 to 64 code points, without control characters"))
        }
        for (index, change) in changes.enumerated() {
            problems += change.problems(prefix: "changes[\(index)].")
        }
        return problems
    }
}

/// What the server did with one pushed change.
public enum PushStatus: String, Codable, Sendable, Hashable {
    /// The record is new on the server.
    case created
    /// The server already held this very record.
    case unchanged
    /// The id is deleted on the server (a tombstone always wins); for a pushed tombstone, the normal answer.
    case deleted
    /// The server holds a different record under this id; the change is refused for good.
    case conflict
}

/// The answer to one pushed change, in the order they were pushed.
public struct PushResult: Codable, Sendable, Hashable {
    public var id: String
    public var status: PushStatus

    public init(id: String, status: PushStatus) {
        self.id = id
        self.status = status
    }
}

/// The answer to `POST /v1/sync`.
public struct SyncResponse: Codable, Sendable, Hashable {
    /// One per pushed change, in order.
    public var results: [PushResult]
    /// The server's changes after the request's cursor, oldest first.
    public var changes: [WireChange]
    /// Send back as the next request's `cursor`.
    public var cursor: String
    /// Whether more changes wait: ask again with `cursor`.
    public var more: Bool

    public init(results: [PushResult], changes: [WireChange], cursor: String, more: Bool) {
        self.results = results
        self.changes = changes
        self.cursor = cursor
        self.more = more
    }
}
