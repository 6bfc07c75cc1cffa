import Foundation
import Testing
import WeatherCore
import WeatherTestSupport

@testable import RecordStore

/// The SQLite store against real files: durable, and never rewriting a file that is not its own.
@Suite struct SQLiteRecordStoreFileTests {
    @Test func recordsSurviveReopeningAndTheFileIsSound() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        do {
            let store = try SQLiteRecordStore(path: path)
            for index in 1...20 { try store.add(SampleRecord.make(index)) }
            _ = try store.delete(idPrefix: SampleRecord.make(3).id, at: Date())
        }
        let reopened = try SQLiteRecordStore(path: path)
        #expect(try reopened.count(placePrefix: nil) == 19)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.undoLastDelete()?.id == SampleRecord.make(3).id)
    }

    @Test func defaultPathFollowsXDGAndMeteoDataDir() {
        #expect(SQLiteRecordStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/meteo/records.sqlite")
        #expect(
            SQLiteRecordStore.defaultPath(environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"])
                == "/x/meteo/records.sqlite")
        #expect(
            SQLiteRecordStore.defaultPath(environment: ["METEO_DATA_DIR": "/d", "XDG_DATA_HOME": "/x"])
                == "/d/records.sqlite")
    }

    func expectUntouched(
        _ path: String, _ expected: RecordStoreError, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: expected, sourceLocation: sourceLocation) { try SQLiteRecordStore(path: path) }
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file was modified",
            sourceLocation: sourceLocation)
    }

    @Test func aFileThatIsNotSQLiteIsLeftAlone() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        try Data(String(repeating: "my precious notes\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
        try expectUntouched(path, .notARecordStore(path: path))
    }

    @Test func anotherProgramsDatabaseIsLeftAlone() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try expectUntouched(path, .notARecordStore(path: path))
    }

    @Test func aStoreFromANewerMeteoIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        _ = try SQLiteRecordStore(path: path)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "INSERT INTO meteo_migration (name) VALUES ('v99-from-the-future');"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(throws: RecordStoreError.newerVersion(path: path)) { try SQLiteRecordStore(path: path) }
    }

    @Test func aDamagedStoreIsReportedNotRepaired() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        do {
            let store = try SQLiteRecordStore(path: path)
            for index in 1...300 { try store.add(SampleRecord.make(index)) }
        }
        // Scribble over every page after the first: the header is intact, the b-trees are not.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in stride(from: 4096, to: bytes.count, by: 7) { bytes[offset] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        let before = bytes
        let outcome = Result { () throws(RecordStoreError) -> [WeatherRecord] in
            try SQLiteRecordStore(path: path).page(HistoryQuery(limit: 500))
        }
        let accepted: [RecordStoreError] = [.corrupted(path: path), .notARecordStore(path: path)]
        switch outcome {
        case .success: Issue.record("a damaged store was read without an error")
        case .failure(let error): #expect(accepted.contains(error))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFolderIsNotAStore() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: RecordStoreError.cannotOpen(path: folder.path, reason: "it is a folder")) {
            try SQLiteRecordStore(path: folder.path)
        }
    }
}

/// A large import drops the table's indexes while it inserts and builds them again at its end.
@Suite struct BulkImportTests {
    static func indexes(_ store: SQLiteRecordStore) throws -> [String] {
        try store.read { connection in
            try connection.query("SELECT sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").compactMap {
                $0.text("sql")
            }
        }
    }

    @Test func theIndexesComeBackAsTheyWereAndServeTheImportedRecords() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteRecordStore(path: folder.path + "/records.sqlite")
        let before = try Self.indexes(store)
        #expect(before.count >= 5)
        for index in 1...3 { try store.add(SampleRecord.make(index)) }
        var index = 3
        let result = try store.importRecords(
            from: { () throws(RecordStoreError) -> WeatherRecord? in
                index += 1
                return index <= 40
                    ? SampleRecord.make(index, place: SampleRecord.place(index % 2 == 0 ? "Lyon" : "Oslo")) : nil
            }, bulkAfter: 5)
        #expect(result == (added: 37, skipped: 0))
        #expect(try Self.indexes(store) == before)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.count(placePrefix: "ly") == 19)
        #expect(
            try store.page(HistoryQuery(limit: 2)).map(\.id) == [40, 39].map { SampleRecord.make($0).id })
        // The same records again are all already there (the primary key is never dropped).
        var again = 3
        let second = try store.importRecords(
            from: { () throws(RecordStoreError) -> WeatherRecord? in
                again += 1
                return again <= 40 ? SampleRecord.make(again) : nil
            }, bulkAfter: 5)
        #expect(second == (added: 0, skipped: 37))
    }

    @Test func aRefusalAfterTheIndexesWentKeepsNothingAndTheIndexes() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteRecordStore(path: folder.path + "/records.sqlite")
        let before = try Self.indexes(store)
        var index = 0
        #expect(throws: RecordStoreError.self) {
            try store.importRecords(
                from: { () throws(RecordStoreError) -> WeatherRecord? in
                    index += 1
                    guard index < 20 else { throw .invalidRecord("record \(index): bad") }
                    return SampleRecord.make(index)
                }, bulkAfter: 5)
        }
        #expect(index == 20)
        #expect(try Self.indexes(store) == before)
        #expect(try store.count(placePrefix: nil) == 0)
    }
}
