import Foundation
import RecordStore
import Synchronization
import Testing
import WeatherApp
import WeatherCore
import WeatherTestSupport

@testable import WeatherTUI

/// The screen's effects against a store: in the order they were asked for.
@Suite struct EffectRunnerTests {
    /// A store that notes each call, the first one slow: work run concurrently would finish out of order.
    final class SlowFirstStore: RecordStore, @unchecked Sendable {
        let inner: InMemoryRecordStore
        /// Calls in the order they finished.
        let calls = Mutex<[String]>([])
        let started = Mutex(false)
        init(_ records: [WeatherRecord]) { inner = InMemoryRecordStore(records) }

        func note(_ call: String) {
            let first = started.withLock { started in
                defer { started = true }
                return !started
            }
            if first { Thread.sleep(forTimeInterval: 0.2) }
            calls.withLock { $0.append(call) }
        }

        func add(_ record: WeatherRecord) throws(RecordStoreError) { try inner.add(record) }
        func page(_ query: HistoryQuery) throws(RecordStoreError) -> [WeatherRecord] {
            note("page")
            return try inner.page(query)
        }
        func position(of id: String) throws(RecordStoreError) -> Int { try inner.position(of: id) }
        func count(placePrefix: String?) throws(RecordStoreError) -> Int { try inner.count(placePrefix: placePrefix) }
        func record(idPrefix: String) throws(RecordStoreError) -> WeatherRecord { try inner.record(idPrefix: idPrefix) }
        func delete(idPrefix: String, at date: Date) throws(RecordStoreError) -> WeatherRecord {
            note("delete")
            return try inner.delete(idPrefix: idPrefix, at: date)
        }
        func undoLastDelete() throws(RecordStoreError) -> WeatherRecord? {
            note("undo")
            return try inner.undoLastDelete()
        }
        func allRecords() throws(RecordStoreError) -> [WeatherRecord] { try inner.allRecords() }
        func trend(_ request: TrendRequest) throws(RecordStoreError) -> PlaceTrend? { try inner.trend(request) }
        func importRecords(_ records: [WeatherRecord]) throws(RecordStoreError) -> (added: Int, skipped: Int) {
            try inner.importRecords(records)
        }
        func importRecords(from next: () throws(RecordStoreError) -> WeatherRecord?) throws(RecordStoreError)
            -> (added: Int, skipped: Int)
        { try inner.importRecords(from: next) }
        func importRecords(from reader: inout RecordReader) throws(RecordStoreError) -> (added: Int, skipped: Int) {
            try inner.importRecords(from: &reader)
        }
        func forEachRecord(_ body: (WeatherRecord) -> Void) throws(RecordStoreError) {
            try inner.forEachRecord(body)
        }
    }

    @Test func storeWorkRunsInTheOrderTheKeysWerePressed() async throws {
        let record = SampleRecord.make(
            1, place: Place(name: "Oslo", countryCode: "NO", latitude: 59.9, longitude: 10.7), temperature: -3)
        let store = SlowFirstStore([record])
        let events = Mutex<[AppEvent]>([])
        let runner = EffectRunner(
            provider: OpenMeteoProvider(http: CurlHTTPClient()), cache: nil, store: store,
            send: { event in events.withLock { $0.append(event) } })
        runner.run(.deleteRecord(id: record.id))
        runner.run(.undoDelete)
        runner.run(.loadHistory(.newest(limit: 10)))
        for _ in 0..<200 where events.withLock({ $0.count }) < 3 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(store.calls.withLock { $0 } == ["delete", "undo", "page"])
        // Deleted, then restored: the history has the record again.
        #expect(try store.count(placePrefix: nil) == 1)
    }
}
