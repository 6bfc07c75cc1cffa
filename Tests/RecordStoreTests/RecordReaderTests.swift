import Foundation
import Testing
import TextFormats
import WeatherCore
import WeatherTestSupport

@testable import RecordStore

/// Import a record at a time: whatever the file's size or where its chunks break, the same records as the whole
/// file parsed at once; a refusal anywhere keeps nothing.
@Suite struct RecordReaderTests {
    typealias C = RecordStoreContractTests

    static func records(_ count: Int) -> [WeatherRecord] {
        (1...count).map { index in
            var record = SampleRecord.make(
                index, place: SampleRecord.place(index % 3 == 0 ? "Zürich, \"old town\", north" : "Paris"))
            record.keptOffline = index % 7 == 0
            record.temperature = Double(index % 400) / 10
            if index % 11 == 0 { record.deletedAt = Date(timeIntervalSince1970: 1_795_800_000) }
            return record
        }
    }

    func read(_ text: String, folder: TemporaryDirectory) throws -> [WeatherRecord] {
        let path = folder.path + "/export"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = RecordReader(descriptor: descriptor)
        var records: [WeatherRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Writes `text` as an export file in `folder` and imports it into `store`, read from the file as meteo does.
    @discardableResult
    func importFile(_ text: String, into store: SQLiteRecordStore, folder: TemporaryDirectory) throws
        -> (added: Int, skipped: Int)
    {
        let path = folder.path + "/export"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = RecordReader(descriptor: descriptor)
        return try store.importRecords(from: &reader)
    }

    @Test func aLargeExportReadInChunksGivesBackEveryRecord() throws {
        // Given 3,000 records, far more than one 64 KiB chunk, with quotes, commas and line breaks in names
        let folder = try TemporaryDirectory()
        let records = Self.records(3000)
        // Then JSON and CSV read a record at a time give back exactly them
        #expect(try read(RecordExchange.exportJSON(records), folder: folder) == records)
        #expect(try read(RecordExchange.exportCSV(records), folder: folder) == records)
        // And the JSON export written piece by piece is the document written at once
        let whole = JSONValue.object(["records": .array(records.map(RecordExchange.jsonValue))])
            .serialized(pretty: true)
        #expect(RecordExchange.exportJSON(records) == whole)
        #expect(RecordExchange.exportJSON([]) == JSONValue.object(["records": .array([])]).serialized(pretty: true))
    }

    @Test(arguments: [
        (#"[{RECORD}]"#, true), (#"{"note":{"a":[1,"]"]},"records":[{RECORD}],"more":[]}"#, true),
        (#"{"records":[]}"#, true), (#"{"records":[{RECORD},]}"#, false), (#"{"records":[{RECORD}"#, false),
        (#"{"records":{RECORD}}"#, false), (#"{"other":[]}"#, false), (#"{"records":[{RECORD}]} x"#, false),
        ("\u{FEFF}  [{RECORD}]\r\n", true),
    ])
    func jsonShapes(template: String, readable: Bool) throws {
        let record = SampleRecord.make(1)
        var one = RecordExchange.jsonValue(record).serialized()
        one.removeFirst()
        one.removeLast()
        let text = template.replacingOccurrences(of: "RECORD", with: one)
        let folder = try TemporaryDirectory()
        #expect(((try? read(text, folder: folder)) != nil) == readable, "\(text)")
    }

    /// White space between tokens is dropped before parsing, never in a way that joins two values.
    @Test func spacesBetweenTokensNeverJoinValues() throws {
        let folder = try TemporaryDirectory()
        let pretty = RecordExchange.exportJSON([SampleRecord.make(1)])
        #expect(try read(pretty, folder: folder) == [SampleRecord.make(1)])
        let spaced = pretty.replacingOccurrences(of: "\"temperature\" : 0.1", with: "\"temperature\"\n :\t 0.1 \r\n")
        #expect(spaced != pretty)
        #expect(try read(spaced, folder: folder) == [SampleRecord.make(1)])
        for joined in ["0 .1", "0. 1", "0.1 5"] {
            let broken = pretty.replacingOccurrences(of: "\"temperature\" : 0.1", with: "\"temperature\" : " + joined)
            #expect(broken != pretty)
            #expect(throws: RecordStoreError.self, "\(joined)") { try read(broken, folder: folder) }
        }
        let strings = pretty.replacingOccurrences(of: "\"Paris\"", with: "\"Par\" \"is\"")
        #expect(strings != pretty)
        #expect(throws: RecordStoreError.self) { try read(strings, folder: folder) }
    }

    @Test func aRefusedRecordAnywhereKeepsNothing() throws {
        // Given an export whose 2,500th record breaks a rule
        let folder = try TemporaryDirectory()
        var records = Self.records(3000)
        records[2499].temperature = 99
        let store = try SQLiteRecordStore(path: folder.path + "/store.sqlite")
        // When it is imported a record at a time, then the refusal names the line, and nothing of it is kept
        #expect(throws: RecordStoreError.invalidRecord("line 2501: temperature must be a number within -100…70")) {
            try importFile(RecordExchange.exportCSV(records), into: store, folder: folder)
        }
        #expect(try store.count(placePrefix: nil) == 0)
    }

    /// The reading thread hands records over in batches: counts around a batch's size all arrive, in order, and
    /// a refusal at a batch's edge is met where it is, keeping nothing.
    @Test(arguments: [0, 1, 255, 256, 257, 512, 1500])
    func readAheadKeepsEveryRecordAcrossBatches(count: Int) throws {
        let folder = try TemporaryDirectory()
        let records = count == 0 ? [] : Self.records(count)
        let store = try SQLiteRecordStore(path: folder.path + "/store.sqlite")
        let result = try importFile(RecordExchange.exportJSON(records), into: store, folder: folder)
        #expect(result.added == count)
        var kept: [WeatherRecord] = []
        try store.forEachRecord { kept.append($0) }
        #expect(kept == records)
    }

    @Test(arguments: [1, 256, 257, 1024])
    func aRefusalAtABatchEdgeKeepsNothing(refused: Int) throws {
        let folder = try TemporaryDirectory()
        var records = Self.records(1100)
        records[refused - 1].humidity = 101
        let store = try SQLiteRecordStore(path: folder.path + "/store.sqlite")
        #expect(throws: RecordStoreError.self) {
            try importFile(RecordExchange.exportCSV(records), into: store, folder: folder)
        }
        #expect(try store.count(placePrefix: nil) == 0)
    }

    @Test func aStoreThatFailsStopsTheReadingThread() throws {
        // Given an import far bigger than the read-ahead holds, into a store another program keeps locked
        let folder = try TemporaryDirectory()
        let storePath = folder.path + "/store.sqlite"
        let store = try SQLiteRecordStore(path: storePath)
        let other = try SQLiteConnection(path: storePath, create: false)
        try other.execute("BEGIN IMMEDIATE")
        defer { try? other.execute("ROLLBACK") }
        // When the import cannot write
        #expect(throws: RecordStoreError.self) {
            try importFile(RecordExchange.exportCSV(Self.records(5000)), into: store, folder: folder)
        }
        // Then it returned: the reading thread, blocked on a full queue, was stopped and joined
        try other.execute("ROLLBACK")
        #expect(try store.count(placePrefix: nil) == 0)
    }
}

/// The fast path for plain decimals gives the very double `Double(text)` gives, bit for bit.
@Suite struct DecimalTests {
    @Test func theFastPathIsCorrectlyRounded() {
        let seed = TestSeed.make()
        var random = SplitMix(state: seed)
        func next() -> UInt64 { random.next() >> 11 }
        var fast = 0
        for _ in 0..<200_000 {
            let digits = String(next() % 1_000_000_000_000_000)
            let cut = Int(next() % UInt64(digits.count + 1))
            var text = cut == digits.count ? digits : digits.prefix(cut) + "." + digits.dropFirst(cut)
            if text.hasPrefix(".") { text = "0" + text }
            if next() % 2 == 0 { text = "-" + text }
            guard let expected = Double(text), text.last != "." else { continue }
            #expect(
                RecordExchange.decimal(text)?.bitPattern == expected.bitPattern, "\(text) (\(TestSeed.describe(seed)))")
            if RecordExchange.exactDecimal(text) != nil { fast += 1 }
        }
        #expect(fast > 100_000)
        for (text, value) in [("-0", -0.0), ("0.1", 0.1), ("123456789012345", 123_456_789_012_345.0)] {
            #expect(RecordExchange.exactDecimal(text)?.bitPattern == value.bitPattern)
        }
        for text in ["1234567890123456", "1e3", "--1", "1-", "", "-", "1.2.3", "1.", ".5"] {
            #expect(RecordExchange.exactDecimal(text) == nil, "\(text)")
        }
    }
}
