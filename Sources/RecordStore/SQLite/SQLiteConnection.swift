internal import CSQLite

/// A value SQLite stores.
enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A failed SQLite call: the primary and extended result codes and SQLite's message (for logs only).
struct SQLiteFailure: Error, Sendable, Equatable {
    var code: Int32
    var extendedCode: Int32
    var message: String
    /// The operating system's errno behind an I/O error (ENOSPC, EFBIG, EACCES…), 0 when none.
    var systemErrno: Int32 = 0
}

/// One SQLite connection and its prepared statements.
///
/// `@unchecked Sendable`: the connection is opened with SQLITE_OPEN_NOMUTEX, so it must be used by one
/// thread at a time; its owner (`SQLiteRecordStore`) only touches it inside its `Mutex`.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: Statement] = [:]

    /// Opens the file at `path`; `create` allows making a new one.
    /// - Throws: `SQLiteFailure` when SQLite cannot open it.
    init(path: String, create: Bool) throws(SQLiteFailure) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let failure = SQLiteFailure(
                code: code & 0xFF, extendedCode: pointer.map(sqlite3_extended_errcode) ?? code,
                message: pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close_v2(pointer)
            throw failure
        }
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Waits up to `milliseconds` for another process's lock instead of failing at once.
    func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// Runs SQL without parameters (pragmas, schema); several statements are allowed.
    func execute(_ sql: String) throws(SQLiteFailure) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    /// Runs `sql` with `values` bound to its `?` parameters and returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteFailure) -> [Row] {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var rows: [Row] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// Runs `sql` and calls `body` with the statement at each row, to read its columns by position without
    /// building a row each: one pass over a large range, such as a place's trend.
    func scan(_ sql: String, _ values: [SQLiteValue], _ body: (Statement) -> Void) throws(SQLiteFailure) {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() { body(statement) }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout rather than
    /// deadlock on a lock upgrade (which SQLite reports as "database is locked" at once).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside `BEGIN … COMMIT` without taking the write lock: its reads see one snapshot of the file
    /// while writers go on (WAL).
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs a statement that returns no rows and says how many rows it changed; for loops that run the same
    /// statement many times, `prepared(sql)` once and this on it spares a lookup by the statement's text.
    func run(_ statement: Statement, _ values: [SQLiteValue]) throws(SQLiteFailure) -> Int {
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {}
        return changes
    }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    func prepared(_ sql: String) throws(SQLiteFailure) -> Statement {
        if let statement = statements[sql] { return statement }
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard code == SQLITE_OK, let pointer else { throw failure(code) }
        let statement = Statement(pointer, connection: self)
        statements[sql] = statement
        return statement
    }

    fileprivate func failure(_ code: Int32) -> SQLiteFailure {
        SQLiteFailure(
            code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)), systemErrno: sqlite3_system_errno(handle))
    }

    /// One result row, by column name. The name-to-column map is the statement's, shared by all its rows.
    struct Row: Sendable {
        let columns: [String: Int]
        let cells: [SQLiteValue]

        subscript(_ name: String) -> SQLiteValue? { columns[name].map { cells[$0] } }

        func text(_ name: String) -> String? {
            if case .text(let text) = self[name] { return text }
            return nil
        }

        func double(_ name: String) -> Double? {
            switch self[name] {
            case .real(let value): value
            case .integer(let value): Double(value)
            default: nil
            }
        }

        func integer(_ name: String) -> Int64? {
            switch self[name] {
            case .integer(let value): value
            case .real(let value): Int64(exactly: value)
            default: nil
            }
        }
    }

    /// A prepared statement, kept for reuse.
    final class Statement {
        private let pointer: OpaquePointer
        private unowned let connection: SQLiteConnection

        fileprivate init(_ pointer: OpaquePointer, connection: SQLiteConnection) {
            self.pointer = pointer
            self.connection = connection
        }

        deinit { sqlite3_finalize(pointer) }

        func bind(_ values: [SQLiteValue]) throws(SQLiteFailure) {
            sqlite3_clear_bindings(pointer)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value {
                case .null: code = sqlite3_bind_null(pointer, index)
                case .integer(let number): code = sqlite3_bind_int64(pointer, index, number)
                case .real(let number): code = sqlite3_bind_double(pointer, index, number)
                case .text(let text):
                    code = text.utf8CString.withUnsafeBufferPointer {
                        meteo_sqlite_bind_text(pointer, index, $0.baseAddress, Int32($0.count - 1))
                    }
                }
                guard code == SQLITE_OK else { throw connection.failure(code) }
            }
        }

        /// Advances; `true` while there is a row.
        func step() throws(SQLiteFailure) -> Bool {
            let code = sqlite3_step(pointer)
            switch code {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw connection.failure(code)
            }
        }

        func reset() { sqlite3_reset(pointer) }

        func integer(at column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

        func double(at column: Int32) -> Double? {
            sqlite3_column_type(pointer, column) == SQLITE_NULL ? nil : sqlite3_column_double(pointer, column)
        }

        /// Column names to positions, read once per statement (not once per row); read again should SQLite
        /// re-prepare the statement with other columns (another process changed the schema).
        private var columns: [String: Int] = [:]

        func row() -> Row {
            let count = sqlite3_column_count(pointer)
            if columns.count != Int(count) {
                columns = [:]
                for column in 0..<count {
                    columns[String(cString: sqlite3_column_name(pointer, column))] = Int(column)
                }
            }
            var cells: [SQLiteValue] = []
            cells.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(pointer, column) {
                case SQLITE_INTEGER: cells.append(.integer(sqlite3_column_int64(pointer, column)))
                case SQLITE_FLOAT: cells.append(.real(sqlite3_column_double(pointer, column)))
                case SQLITE_TEXT:
                    let bytes = Int(sqlite3_column_bytes(pointer, column))
                    if let text = sqlite3_column_text(pointer, column) {
                        cells.append(
                            .text(String(decoding: UnsafeBufferPointer(start: text, count: bytes), as: UTF8.self)))
                    } else {
                        cells.append(.text(""))
                    }
                default: cells.append(.null)
                }
            }
            return Row(columns: columns, cells: cells)
        }
    }
}
