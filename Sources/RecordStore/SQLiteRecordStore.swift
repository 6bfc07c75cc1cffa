internal import CSQLite
import Glibc
import Synchronization
import TextFormats
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The local record store: one SQLite file in WAL mode, one connection per process, one transaction per write.
///
/// Two processes may write at once: writes take the lock up front (`BEGIN IMMEDIATE`) and wait up to
/// `busyTimeout` for each other. `synchronous=FULL` makes a commit durable before `add` returns.
public final class SQLiteRecordStore: RecordStore {
    public let path: String
    private let connection: Mutex<SQLiteConnection>

    /// The milliseconds a write waits for another process's lock before failing.
    public static let busyTimeout: Int32 = 10_000

    /// Opens (or creates, with its folder) the store at `path` and migrates it to this version.
    /// - Throws: `RecordStoreError` naming what is wrong with the file; the file is never rewritten
    ///   unless it is empty or already a meteo store.
    public init(path: String) throws(RecordStoreError) {
        self.path = path
        try Self.checkPath(path)
        let opened: SQLiteConnection
        do {
            opened = try SQLiteConnection(path: path, create: true)
        } catch {
            throw Self.map(error, path: path)
        }
        opened.setBusyTimeout(milliseconds: Self.busyTimeout)
        do {
            // Identify the file before any pragma that would write to it (journal_mode rewrites the header).
            _ = try RecordSchema.identify(opened, path: path)
            try Self.enableWAL(opened)
            try opened.execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
            try RecordSchema.migrate(opened, path: path)
        } catch let error as RecordStoreError {
            throw error
        } catch let error as SQLiteFailure {
            throw Self.map(error, path: path)
        } catch {
            throw .failed(path: path, detail: "\(error)")
        }
        connection = Mutex(opened)
    }

    /// `$METEO_DATA_DIR/records.sqlite`, else `$XDG_DATA_HOME/meteo/records.sqlite`, else `~/.local/share/meteo/…`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let folder = environment["METEO_DATA_DIR"], !folder.isEmpty { return folder + "/records.sqlite" }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/meteo/records.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return home + "/.local/share/meteo/records.sqlite"
    }

    public func add(_ record: WeatherRecord) throws(RecordStoreError) {
        try RecordRow.validate(record)
        try write { connection in
            let existing = try connection.query("SELECT 1 FROM record WHERE id = ?", [.text(record.id)])
            guard existing.isEmpty else { throw RecordStoreError.duplicateID(record.id) }
            let same = try connection.query(RecordRow.sameObservationSQL, RecordRow.observationValues(record))
            if let kept = same.first?.text("id") { throw RecordStoreError.alreadyKept(id: kept) }
            try connection.query(RecordRow.insertSQL, RecordRow.values(record))
            FaultPoint.reach("store.add")
        }
        FaultPoint.reach("store.added")
    }

    public func page(_ query: HistoryQuery) throws(RecordStoreError) -> [WeatherRecord] {
        let limit = Int64(max(1, min(query.limit, 10_000)))
        return try read { connection in
            var conditions = ["deleted_at IS NULL"]
            var values: [SQLiteValue] = []
            if let prefix = Self.folded(query.placePrefix) {
                conditions.append("place_key >= ? AND place_key < ?")
                values += [.text(prefix), .text(prefix + "\u{10FFFF}")]
            }
            // Newer than an anchor, or from the oldest: read upwards through the same index, then turn around.
            let upwards = query.afterID != nil || (query.beforeID == nil && query.fromOldest)
            if let anchorID = query.beforeID ?? query.afterID {
                let anchor = try connection.query("SELECT recorded_at FROM record WHERE id = ?", [.text(anchorID)])
                guard let recordedAt = anchor.first?.integer("recorded_at") else {
                    throw RecordStoreError.notFound(anchorID)
                }
                conditions.append(query.beforeID != nil ? "(recorded_at, id) < (?, ?)" : "(recorded_at, id) > (?, ?)")
                values += [.integer(recordedAt), .text(anchorID)]
            }
            let order = upwards ? "recorded_at ASC, id ASC" : "recorded_at DESC, id DESC"
            let sql = "SELECT * FROM record WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?"
            let records = try connection.query(sql, values + [.integer(limit)]).compactMap(RecordRow.record)
            return upwards ? records.reversed() : records
        }
    }

    public func position(of id: String) throws(RecordStoreError) -> Int {
        try read { connection in
            let anchor = try connection.query(
                "SELECT recorded_at FROM record WHERE id = ? AND deleted_at IS NULL", [.text(id)])
            guard let recordedAt = anchor.first?.integer("recorded_at") else { throw RecordStoreError.notFound(id) }
            let rows = try connection.query(
                "SELECT count(*) AS n FROM record WHERE deleted_at IS NULL AND (recorded_at, id) > (?, ?)",
                [.integer(recordedAt), .text(id)])
            return Int(rows.first?.integer("n") ?? 0)
        }
    }

    public func count(placePrefix: String?) throws(RecordStoreError) -> Int {
        try read { connection in
            let rows: [SQLiteConnection.Row]
            if let prefix = Self.folded(placePrefix) {
                rows = try connection.query(
                    "SELECT count(*) AS n FROM record WHERE deleted_at IS NULL AND place_key >= ? AND place_key < ?",
                    [.text(prefix), .text(prefix + "\u{10FFFF}")])
            } else {
                rows = try connection.query("SELECT count(*) AS n FROM record WHERE deleted_at IS NULL")
            }
            return Int(rows.first?.integer("n") ?? 0)
        }
    }

    public func record(idPrefix: String) throws(RecordStoreError) -> WeatherRecord {
        try read { connection in try Self.resolve(idPrefix, in: connection) }
    }

    public func delete(idPrefix: String, at date: Date) throws(RecordStoreError) -> WeatherRecord {
        try write { connection in
            var record = try Self.resolve(idPrefix, in: connection)
            record.deletedAt = date
            try connection.query(
                "UPDATE record SET deleted_at = ?, dirty = 1 WHERE id = ?",
                [.integer(RecordRow.millis(date)), .text(record.id)])
            return record
        }
    }

    /// A tombstone that has not left this store is lifted. One that has synced stays (a tombstone always wins,
    /// here and on the service), and the record comes back as a copy under a new id, which syncs like any
    /// new record: so the undo reaches every device.
    public func undoLastDelete() throws(RecordStoreError) -> WeatherRecord? {
        try write { connection in
            let rows = try connection.query(
                """
                SELECT * FROM record WHERE deleted_at IS NOT NULL AND restored = 0
                ORDER BY deleted_at DESC, id DESC LIMIT 1
                """)
            guard let row = rows.first, var record = RecordRow.record(row) else { return nil }
            record.deletedAt = nil
            if row.integer("dirty") == 1 {
                try connection.query("UPDATE record SET deleted_at = NULL WHERE id = ?", [.text(record.id)])
                return record
            }
            try connection.query("UPDATE record SET restored = 1 WHERE id = ?", [.text(record.id)])
            record.id = UUID().uuidString.lowercased()
            try connection.query(RecordRow.insertSQL, RecordRow.values(record))
            return record
        }
    }

    public func allRecords() throws(RecordStoreError) -> [WeatherRecord] {
        try read { connection in
            try connection.query("SELECT * FROM record ORDER BY recorded_at, id").compactMap(RecordRow.record)
        }
    }

    public func importRecords(_ records: [WeatherRecord]) throws(RecordStoreError) -> (added: Int, skipped: Int) {
        var index = 0
        return try importRecords { () throws(RecordStoreError) -> WeatherRecord? in
            defer { index += 1 }
            return index < records.count ? records[index] : nil
        }
    }

    public func importRecords(from next: () throws(RecordStoreError) -> WeatherRecord?) throws(RecordStoreError)
        -> (added: Int, skipped: Int)
    {
        try importRecords(from: next, bulkAfter: BulkIndexes.threshold, admitted: false)
    }

    public func importRecords(from reader: inout RecordReader) throws(RecordStoreError) -> (added: Int, skipped: Int) {
        // Parsing runs on a thread of its own beside SQLite's work (measured, 1,000,000 records: CSV 28 → 22 s,
        // JSON 41 → 29 s).
        let ahead = ReadAhead(reader)
        defer { ahead.stop() }
        return try importRecords(
            from: { () throws(RecordStoreError) -> WeatherRecord? in try ahead.next() },
            bulkAfter: BulkIndexes.threshold, admitted: true)
    }

    /// `bulkAfter`: the import drops its indexes once it has read this many records and more than the store held.
    /// `admitted`: the records were checked by `RecordRules` already.
    func importRecords(
        from next: () throws(RecordStoreError) -> WeatherRecord?, bulkAfter: Int, admitted: Bool = false
    ) throws(RecordStoreError) -> (added: Int, skipped: Int) {
        // A large import updates its indexes at random places: with SQLite's default 2,000-page cache their
        // pages are read back from the WAL again and again. 32 MiB of cache for the import keeps more of them in
        // memory (measured: 1,000,000 records, 74 s → 64 s; peak memory 16 → 52 MiB), and is given back after.
        try read { connection in try connection.execute("PRAGMA cache_size=-24576") }
        defer { _ = try? read { connection in try connection.execute("PRAGMA cache_size=-2000") } }
        return try write { connection in
            let insert = try connection.prepared(RecordRow.importSQL)
            let existing = try connection.query("SELECT count(*) AS n FROM record").first?.integer("n") ?? 0
            var bulk = BulkIndexes()
            // Imports name few places many times: each name is folded into its search key once.
            var keys: [String: String] = [:]
            var added = 0
            var seen = 0
            while let record = try next() {
                if !admitted { try RecordRow.validate(record) }
                let name = record.place.name
                let key = keys[name] ?? RecordRow.placeKey(name)
                if keys.count < 4096 { keys[name] = key }
                added += try connection.run(insert, RecordRow.values(record, placeKey: key))
                seen += 1
                if seen == max(Int(existing), bulkAfter) { try bulk.drop(connection) }
            }
            try bulk.restore(connection)
            return (added, seen - added)
        }
    }

    /// The record table's secondary indexes, dropped while a large import runs and built again at its end (inside
    /// its transaction): building an index from sorted rows is several times faster than a million updates at
    /// random places. Their definitions are read from the schema itself, so they come back as they were.
    struct BulkIndexes {
        /// Below this many records (or the store's own size), an import keeps its indexes.
        static let threshold = 50_000

        private var dropped: [String] = []

        mutating func drop(_ connection: SQLiteConnection) throws(SQLiteFailure) {
            let indexes = try connection.query(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'record' AND sql IS NOT NULL")
            for index in indexes {
                // The schema's own names; anything else is left as it is.
                guard let name = index.text("name"), let sql = index.text("sql"),
                    name.utf8.allSatisfy({
                        $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0)
                    })
                else { continue }
                try connection.execute("DROP INDEX \(name)")
                dropped.append(sql)
            }
        }

        func restore(_ connection: SQLiteConnection) throws(SQLiteFailure) {
            guard !dropped.isEmpty else { return }
            // SQLite's sorter takes up to the page cache's size in memory: the import's large cache would double
            // its peak here (measured: 52 → 88 MiB); with a small one it sorts through a temporary file.
            try connection.execute("PRAGMA cache_size=-8192; PRAGMA shrink_memory")
            for sql in dropped { try connection.execute(sql) }
        }
    }

    public func forEachRecord(_ body: (WeatherRecord) -> Void) throws(RecordStoreError) {
        // Pages by rowid (the order records were kept or imported in) in one read transaction: each page is a
        // seek, a consistent file, a page of rows in memory at a time. (Paging by recorded time sorted the whole
        // table for every page: tombstones are outside the history's index.)
        try read { connection in
            try connection.snapshot {
                var last: Int64 = 0
                while true {
                    let rows = try connection.query(
                        "SELECT rowid AS position, * FROM record WHERE rowid > ? ORDER BY rowid LIMIT 1000",
                        [.integer(last)])
                    guard let final = rows.last?.integer("position") else { return }
                    for row in rows { if let record = RecordRow.record(row) { body(record) } }
                    last = final
                }
            }
        }
    }

    /// Whether SQLite finds the file sound (`PRAGMA integrity_check`).
    public func integrityCheck() throws(RecordStoreError) -> String {
        try read { connection in try connection.query("PRAGMA integrity_check").first?.text("integrity_check") ?? "" }
    }

    // MARK: - Plumbing

    /// Switches a new store to WAL. The switch needs the file to itself and SQLite does not wait for it on
    /// the busy timeout, so two processes creating the same store at once retry here for a while.
    private static func enableWAL(_ connection: SQLiteConnection) throws(SQLiteFailure) {
        var attempt = 0
        while true {
            do throws(SQLiteFailure) {
                let mode = try connection.query("PRAGMA journal_mode").first?.text("journal_mode")
                if mode?.lowercased() == "wal" { return }
                try connection.execute("PRAGMA journal_mode=WAL")
                return
            } catch {
                let busy = error.code == SQLITE_BUSY || error.code == SQLITE_LOCKED
                attempt += 1
                guard busy, attempt < 200 else { throw error }
                usleep(10_000)
            }
        }
    }

    func read<T>(_ body: (SQLiteConnection) throws -> T) throws(RecordStoreError) -> T {
        do {
            return try connection.withLock { try body($0) }
        } catch let error as RecordStoreError {
            throw error
        } catch let error as SQLiteFailure {
            throw Self.map(error, path: path)
        } catch {
            throw .failed(path: path, detail: "\(error)")
        }
    }

    func write<T>(_ body: (SQLiteConnection) throws -> T) throws(RecordStoreError) -> T {
        try read { connection in try connection.transaction { try body(connection) } }
    }

    static func resolve(_ prefix: String, in connection: SQLiteConnection) throws -> WeatherRecord {
        let wanted = prefix.lowercased().trimmedWhitespace()
        guard !wanted.isEmpty, wanted.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw RecordStoreError.notFound(prefix)
        }
        let rows = try connection.query(
            "SELECT * FROM record WHERE id >= ? AND id < ? AND deleted_at IS NULL ORDER BY id LIMIT 2",
            [.text(wanted), .text(wanted + "\u{10FFFF}")])
        switch rows.count {
        case 0: throw RecordStoreError.notFound(prefix)
        case 1:
            guard let record = RecordRow.record(rows[0]) else { throw RecordStoreError.notFound(prefix) }
            return record
        default:
            let count = try connection.query(
                "SELECT count(*) AS n FROM record WHERE id >= ? AND id < ? AND deleted_at IS NULL",
                [.text(wanted), .text(wanted + "\u{10FFFF}")])
            throw RecordStoreError.ambiguous(prefix: prefix, count: Int(count.first?.integer("n") ?? 2))
        }
    }

    private static func folded(_ prefix: String?) -> String? {
        guard let prefix else { return nil }
        let key = RecordRow.placeKey(prefix)
        return key.isEmpty ? nil : key
    }

    /// Refuses a path that cannot be a store before SQLite is asked (SQLite would say only "unable to open").
    private static func checkPath(_ path: String) throws(RecordStoreError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path: path, reason: "it is a folder") }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotOpen(path: path, reason: "not a regular file")
            }
            guard access(path, R_OK) == 0 else { throw .cannotOpen(path: path, reason: "permission denied") }
            guard access(path, W_OK) == 0 else { throw .readOnly(path: path) }
            return
        }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
        }
        guard access(folder, W_OK) == 0 else { throw .cannotOpen(path: path, reason: "the folder is not writable") }
    }

    static func map(_ failure: SQLiteFailure, path: String) -> RecordStoreError {
        switch failure.code {
        case SQLITE_NOTADB: .notARecordStore(path: path)
        case SQLITE_CORRUPT: .corrupted(path: path)
        case SQLITE_READONLY: .readOnly(path: path)
        case SQLITE_FULL: .diskFull(path: path)
        case SQLITE_BUSY, SQLITE_LOCKED: .busy(path: path)
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: .cannotOpen(path: path, reason: "permission denied")
        case SQLITE_CONSTRAINT: .invalidRecord(failure.message)
        // A write, truncate or shared-memory growth refused for lack of space (or over the file size limit).
        case SQLITE_IOERR where failure.systemErrno == ENOSPC || failure.systemErrno == EFBIG:
            .diskFull(path: path)
        case SQLITE_IOERR where failure.systemErrno == EACCES || failure.systemErrno == EPERM:
            .cannotOpen(path: path, reason: "permission denied")
        default: .failed(path: path, detail: "SQLite \(failure.extendedCode): \(failure.message)")
        }
    }
}

extension String {

}
