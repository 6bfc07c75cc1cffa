import Foundation
import RecordAPI
import Testing
import WeatherCore
import WeatherTestSupport

@testable import RecordStore

/// The store's half of sync, against a real file: what is pending, what a round marks, what it applies.
@Suite struct StoreSyncTests {
    typealias C = RecordStoreContractTests
    let folder: TemporaryDirectory
    let store: SQLiteRecordStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteRecordStore(path: folder.path + "/records.sqlite")
    }

    func results(_ pending: [PendingChange], _ status: PushStatus) -> [PushResult] {
        pending.map { PushResult(id: $0.change.id, status: status) }
    }

    @Test func sentChangesStopBeingPendingUnlessTheyChangedMeanwhile() throws {
        for index in 1...3 { try store.add(C.record(index)) }
        let (device, cursor) = try store.beginSync(account: "https://a 1")
        #expect(cursor == nil)
        #expect(try store.beginSync(account: "https://a 1").device == device)
        let (pending, setAside) = try store.pendingChanges(limit: 10)
        #expect(pending.count == 3 && setAside == 0)
        #expect(pending.allSatisfy { $0.wasLive && $0.change.record != nil })
        // Record 2 is deleted while its record is on the way: the tombstone must still be sent.
        _ = try store.delete(idPrefix: C.record(2).id, at: Date())
        _ = try store.applySync(
            sent: pending, results: results(pending, .created), pulled: [], cursor: "c1", now: Date())
        let next = try store.pendingChanges(limit: 10).changes
        #expect(
            next.map(\.change) == [WireChange(tombstone: C.record(2).id, deletedAt: next.first?.change.deletedAt ?? "")]
        )
        #expect(next.first?.change.isTombstone == true)
        _ = try store.applySync(sent: next, results: results(next, .deleted), pulled: [], cursor: "c2", now: Date())
        #expect(try store.pendingCount() == 0)
        #expect(try store.beginSync(account: "https://a 1").cursor == "c2")
        // Another account starts over: everything is pending again and the cursor is gone.
        #expect(try store.beginSync(account: "https://b 2").cursor == nil)
        #expect(try store.pendingCount() == 3)
    }

    @Test func pulledChangesApplyOnceAndATombstoneWins() throws {
        try store.add(C.record(1))
        try store.add(C.record(2))
        var remote = C.record(7)
        remote.units = .imperial
        let pulled = [
            WireChange(record: remote.wire),
            WireChange(tombstone: C.record(1).id, deletedAt: "2026-11-27T14:00:00Z"),
            WireChange(tombstone: C.record(9).id, deletedAt: "2026-11-27T14:00:00Z"),
        ]
        let applied = try store.applySync(sent: [], results: [], pulled: pulled, cursor: "c", now: Date())
        #expect(applied == AppliedSync(added: 1, deleted: 1, refused: 0))
        #expect(try store.record(idPrefix: remote.id) == remote)
        let again = try store.applySync(sent: [], results: [], pulled: pulled, cursor: "c", now: Date())
        #expect(again == AppliedSync())
        // The record of a tombstone pulled earlier never comes back.
        _ = try store.applySync(
            sent: [], results: [], pulled: [WireChange(record: C.record(9).wire)], cursor: "c", now: Date())
        let ids = try store.syncedIDs()
        #expect(ids.live == [C.record(2).id, remote.id])
        #expect(ids.deleted == [C.record(1).id, C.record(9).id])
        // Pulled records are already on the service, and so is the delete of record 1: only record 2 waits.
        #expect(try store.pendingChanges(limit: 10).changes.map(\.change.id) == [C.record(2).id])
    }

    @Test func aRecordTheServiceHoldsDeletedIsDeletedHereAndConflictsAreCounted() throws {
        try store.add(C.record(1))
        try store.add(C.record(2))
        let pending = try store.pendingChanges(limit: 10).changes
        let applied = try store.applySync(
            sent: pending,
            results: [
                PushResult(id: C.record(1).id, status: .deleted), PushResult(id: C.record(2).id, status: .conflict),
            ],
            pulled: [], cursor: "c", now: Date())
        #expect(applied.deleted == 1 && applied.refused == 1)
        #expect(try store.count(placePrefix: nil) == 1)
        #expect(try store.pendingCount() == 0)
    }

    @Test func undoLiftsAnUnsentDeleteButRestoresASentOneAsACopy() throws {
        try store.add(C.record(1))
        try store.add(C.record(2))
        _ = try store.delete(idPrefix: C.record(1).id, at: Date())
        #expect(try store.undoLastDelete()?.id == C.record(1).id)

        _ = try store.delete(idPrefix: C.record(2).id, at: Date())
        let pending = try store.pendingChanges(limit: 10).changes
        _ = try store.applySync(
            sent: pending,
            results: results(pending, .created).enumerated().map { index, result in
                pending[index].change.isTombstone ? PushResult(id: result.id, status: .deleted) : result
            }, pulled: [], cursor: "c", now: Date())
        let restored = try #require(try store.undoLastDelete())
        #expect(restored.id != C.record(2).id)
        #expect(restored.place == C.record(2).place && restored.recordedAt == C.record(2).recordedAt)
        // The tombstone stays (it has reached the service); the copy is what travels next.
        let ids = try store.syncedIDs()
        #expect(ids.deleted.contains(C.record(2).id) && ids.live.contains(restored.id))
        #expect(try store.pendingChanges(limit: 10).changes.map(\.change.id) == [restored.id])
        // A second undo does not restore the same delete twice.
        #expect(try store.undoLastDelete() == nil)
    }

    @Test func safeURLsAndBackoff() {
        #expect(SyncEndpoint.isSafe("https://records.example.org"))
        #expect(SyncEndpoint.isSafe("http://127.0.0.1:8080"))
        #expect(SyncEndpoint.isSafe("http://localhost/x"))
        #expect(SyncEndpoint.isSafe("http://[::1]:80"))
        #expect(!SyncEndpoint.isSafe("http://records.example.org"))
        #expect(!SyncEndpoint.isSafe("http://127.0.0.1.evil.org"))
        #expect(!SyncEndpoint.isSafe("ftp://x"))
        #expect(SyncEndpoint(baseURL: "https://a/", token: "t").baseURL == "https://a")
        #expect(
            SyncEndpoint(baseURL: "https://a", token: "t").account
                != SyncEndpoint(baseURL: "https://a", token: "u").account)
        let syncer = RecordSyncer(
            store: store, http: CurlHTTPClient(), endpoint: SyncEndpoint(baseURL: "https://a", token: "t"))
        #expect(syncer.delay(attempt: 1, retryAfter: 7) == .seconds(7))
        #expect(syncer.delay(attempt: 1, retryAfter: 999) == .seconds(60))
        for attempt in 1...10 {
            #expect(syncer.delay(attempt: attempt, retryAfter: nil) <= syncer.maxDelay)
        }
    }
}

/// The wire's hand-written RFC 3339, checked against Foundation's on many instants.
@Suite struct TimestampTests {
    @Test func formatAndParseAgreeWithFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        let whole = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2000 {
            let millis = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let text = Timestamp.format(date)
            // Foundation's formatter truncates binary fractions (.574 shows as .573); the milliseconds are exact.
            let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
            let remainder = millis - seconds * 1000
            let expected = whole.format(Date(timeIntervalSince1970: Double(seconds)))
            #expect(
                text
                    == (remainder == 0
                        ? expected : expected.dropLast() + "." + String(format: "%03d", Int(remainder)) + "Z"))
            let parsed = try #require(Timestamp.parse(text))
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.0005)
        }
        for text in ["2026-11-27T13:04:12+01:30", "2026-11-27T13:04:12.5-05:00", "2024-02-29T23:59:59.123456789Z"] {
            let ours = try #require(Timestamp.parse(text))
            let theirs = try (try? whole.parse(text)) ?? fractional.parse(text)
            #expect(abs(ours.timeIntervalSince1970 - theirs.timeIntervalSince1970) < 0.000_001, "\(text)")
        }
        for bad in [
            "", "x", "2026-11-27", "2026-11-27T13:04:12", "2026-11-27 13:04:12Z", "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T13:04:12.Z", "2026-11-27T13:04:12+0100",
            "2026-11-27T13:04:12Zjunk", "２026-11-27T13:04:12Z",
        ] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
    }
}

/// The wire's hand-written JSON reads back as the same values through JSONDecoder.
@Suite struct WireJSONTests {
    @Test func recordsAndRequestsRoundTripThroughJSONDecoder() throws {
        var record = RecordStoreContractTests.record(3).wire
        record.place.name = "Quote \" back\\slash \n tab\t bell\u{7} São Paulo 東京 🌧"
        record.place.admin1 = nil
        record.temperature = -0.000_012_5
        record.pressure = 1012
        record.windSpeed = 1e17
        record.weatherCode = 95
        let decoded = try JSONDecoder().decode(WireRecord.self, from: Data(record.json.utf8))
        #expect(decoded == record)
        let request = SyncRequest(
            changes: [WireChange(record: record), WireChange(tombstone: record.id, deletedAt: "2026-11-27T14:00:00Z")],
            cursor: "abc", limit: 3, device: "d\"1")
        #expect(try JSONDecoder().decode(SyncRequest.self, from: Data(request.json.utf8)) == request)
        let empty = SyncRequest(changes: [], cursor: nil)
        #expect(try JSONDecoder().decode(SyncRequest.self, from: Data(empty.json.utf8)) == empty)
    }
}
