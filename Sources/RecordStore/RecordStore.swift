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

    public var userMessage: String {
        switch self {
        case .notFound(let id): "No record with id \(TerminalText.quoted(id)). See `meteo history` for ids."
        case .ambiguous(let prefix, let count):
            "\(TerminalText.quoted(prefix)) matches \(count) records: give more of the id."
        case .duplicateID(let id): "A record with id \(id) already exists."
        case .alreadyKept(let id): "Already kept: this observation is record \(id.prefix(8)); nothing added."
        case .invalidRecord(let reason): "Invalid record: \(reason)."
        case .emptyInput: "It is empty: nothing to import."
        case .cannotOpen(let path, let reason): "Cannot open the record store \(path): \(reason)."
        case .notARecordStore(let path):
            "\(path) is not a meteo record store; it was left untouched. Move it away or set METEO_DATA_DIR."
        case .corrupted(let path):
            "The record store \(path) is damaged; it was left untouched. Restore a backup or move it away."
        case .newerVersion(let path): "The record store \(path) was written by a newer meteo; upgrade meteo to use it."
        case .readOnly(let path): "The record store \(path) is read-only: check its permissions."
        case .diskFull(let path): "No space left to write \(path): free some disk space and try again."
        case .busy(let path): "The record store \(path) stayed locked by another program: try again."
        case .failed(let path, _): "The record store \(path) failed: try again."
        }
    }
}
