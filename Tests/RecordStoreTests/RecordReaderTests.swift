import Foundation
import RecordStore
import Testing
import TextFormats
import WeatherCore
import WeatherTestSupport

/// Import a record at a time: whatever the file's size or where its chunks break, the same records as the whole
/// file parsed at once; a refusal anywhere keeps nothing.
@Suite struct RecordReaderTests {
    typealias C = RecordStoreContractTests

    static func records(_ count: Int) -> [WeatherRecord] {
        (1...count).map { index in
            var record = C.record(index, place: index % 3 == 0 ? "Zürich, \"old town\", north" : "Paris")
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
        let record = C.record(1)
        var one = RecordExchange.jsonValue(record).serialized()
        one.removeFirst()
        one.removeLast()
        let text = template.replacingOccurrences(of: "RECORD", with: one)
        let folder = try TemporaryDirectory()
        #expect(((try? read(text, folder: folder)) != nil) == readable, "\(text)")
    }

    @Test func aRefusedRecordAnywhereKeepsNothing() throws {
        // Given an export whose 2,500th record breaks a rule
        let folder = try TemporaryDirectory()
        var records = Self.records(3000)
        records[2499].temperature = 99
        let path = folder.path + "/export.csv"
        try RecordExchange.exportCSV(records).write(toFile: path, atomically: true, encoding: .utf8)
        let store = try SQLiteRecordStore(path: folder.path + "/store.sqlite")
        // When it is imported a record at a time
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = RecordReader(descriptor: descriptor)
        // Then the refusal names the line, and nothing of the import is kept
        #expect(throws: RecordStoreError.invalidRecord("line 2501: temperature must be a number within -100…70")) {
            try store.importRecords { () throws(RecordStoreError) -> WeatherRecord? in try reader.next() }
        }
        #expect(try store.count(placePrefix: nil) == 0)
    }
}
