import TextFormats
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Where kept weather records live: add, page through newest first, delete with undo.
public protocol RecordStore: Sendable {
    /// Keeps `record`; when this returns, it is on disk.
    /// - Throws: `RecordStoreError`; the id must be new.
    func add(_ record: WeatherRecord) throws(RecordStoreError)

    /// One page of live records, newest first.
    func page(_ query: HistoryQuery) throws(RecordStoreError) -> [WeatherRecord]

    /// How many live records are newer than the live record `id` (its index in history order).
    /// - Throws: `.notFound` when `id` is not a live record.
    func position(of id: String) throws(RecordStoreError) -> Int

    /// How many live records match `placePrefix` (all of them when it is nil or empty).
    func count(placePrefix: String?) throws(RecordStoreError) -> Int

    /// The live record whose id is or starts with `idPrefix`.
    /// - Throws: `.notFound` or `.ambiguous` when the prefix names none or several.
    func record(idPrefix: String) throws(RecordStoreError) -> WeatherRecord

    /// Deletes (tombstones) the live record whose id is or starts with `idPrefix`, and returns it.
    func delete(idPrefix: String, at date: Date) throws(RecordStoreError) -> WeatherRecord

    /// Restores the most recently deleted record; `nil` when nothing is left to undo.
    func undoLastDelete() throws(RecordStoreError) -> WeatherRecord?

    /// What the live records at the place `request` names say over time; `nil` when no record fits.
    func trend(_ request: TrendRequest) throws(RecordStoreError) -> PlaceTrend?

    /// Every record, tombstones included, oldest first (for export).
    func allRecords() throws(RecordStoreError) -> [WeatherRecord]

    /// Adds the records whose ids are new; returns how many were added and how many were already there.
    func importRecords(_ records: [WeatherRecord]) throws(RecordStoreError) -> (added: Int, skipped: Int)

    /// Adds the records `next` yields, one at a time, in one transaction: when `next` or a record fails,
    /// nothing of the import is kept. Ids already there are skipped.
    func importRecords(from next: () throws(RecordStoreError) -> WeatherRecord?) throws(RecordStoreError)
        -> (added: Int, skipped: Int)

    /// Imports what `reader` reads, as `importRecords(from:)` does. Its records were admitted as they were read
    /// (by the same rules, with the line or record number in the refusal), so they are not checked twice.
    func importRecords(from reader: inout RecordReader) throws(RecordStoreError) -> (added: Int, skipped: Int)

    /// Calls `body` with every record, tombstones included, in the order they were kept or imported, a page at a
    /// time (export at any size).
    func forEachRecord(_ body: (WeatherRecord) -> Void) throws(RecordStoreError)
}

/// Which page of history to read, always returned newest first: from the newest, from the oldest, older than a
/// record or newer than one (keyset pagination from either end), optionally by place.
public struct HistoryQuery: Sendable, Hashable {
    public var limit: Int
    /// Only records older than the record with this id.
    public var beforeID: String?
    /// Only records newer than the record with this id: the `limit` just above it.
    public var afterID: String?
    /// The oldest `limit` records (when neither id is given).
    public var fromOldest = false
    /// Only places whose name starts with this text (case and accents ignored).
    public var placePrefix: String?

    public init(
        limit: Int = 20, beforeID: String? = nil, afterID: String? = nil, fromOldest: Bool = false,
        placePrefix: String? = nil
    ) {
        self.limit = limit
        self.beforeID = beforeID
        self.afterID = afterID
        self.fromOldest = fromOldest
        self.placePrefix = placePrefix
    }
}

/// Why the record store could not do what was asked.
public enum RecordStoreError: Error, Sendable, Equatable, UserFacingError {
    case notFound(String)
    case ambiguous(prefix: String, count: Int)
    case duplicateID(String)
    /// The same observation (place, provider, observation time) is already kept, as record `id`.
    case alreadyKept(id: String)
    case invalidRecord(String)
    /// An import read nothing at all (white space and a byte order mark at most).
    case emptyInput
    /// The store file cannot be opened as it is (folder, permissions, missing directory).
    case cannotOpen(path: String, reason: String)
    case notARecordStore(path: String)
    case corrupted(path: String)
    case newerVersion(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    /// Anything else; `detail` goes to the log only.
    case failed(path: String, detail: String)

    public func message(_ labels: Labels) -> String {
        switch self {
        case .notFound(let id): labels.say(.noSuchRecord, ["id": TerminalText.quoted(id)])
        case .ambiguous(let prefix, let count):
            labels.say(.ambiguousID, ["prefix": TerminalText.quoted(prefix), "count": String(count)])
        case .duplicateID(let id): labels.say(.duplicateID, ["id": id])
        case .alreadyKept(let id): labels.say(.alreadyKept, ["id": String(id.prefix(8))])
        case .invalidRecord(let reason): labels.say(.invalidRecord, ["reason": reason])
        case .emptyInput: labels.say(.emptyInput)
        case .cannotOpen(let path, let reason): labels.say(.cannotOpenStore, ["path": path, "reason": reason])
        case .notARecordStore(let path): labels.say(.notAStore, ["path": path])
        case .corrupted(let path): labels.say(.storeDamaged, ["path": path])
        case .newerVersion(let path): labels.say(.storeNewer, ["path": path])
        case .readOnly(let path): labels.say(.storeReadOnly, ["path": path])
        case .diskFull(let path): labels.say(.diskFull, ["path": path])
        case .busy(let path): labels.say(.storeBusy, ["path": path])
        case .failed(let path, _): labels.say(.storeFailedAt, ["path": path])
        }
    }
}
