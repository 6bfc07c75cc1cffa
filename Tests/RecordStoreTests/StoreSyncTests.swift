import Foundation
import RecordAPI
import Testing
import WeatherCore
import WeatherTestSupport

@testable import RecordStore
@testable import RecordSync

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
        pending.map { PushResult(id: $0.wire.id, status: status) }
    }

    @Test func sentChangesStopBeingPendingUnlessTheyChangedMeanwhile() throws {
        for index in 1...3 { try store.add(SampleRecord.make(index)) }
        let (device, cursor) = try store.beginSync(account: "https://a 1")
        #expect(cursor == nil)
        #expect(try store.beginSync(account: "https://a 1").device == device)
        let (pending, setAside) = try store.pendingChanges(limit: 10)
        #expect(pending.count == 3 && setAside == 0)
        #expect(pending.allSatisfy { $0.wasLive && $0.wire.record != nil })
        // Record 2 is deleted while its record is on the way: the tombstone must still be sent.
        _ = try store.delete(idPrefix: SampleRecord.make(2).id, at: Date())
        _ = try store.applySync(
            sent: pending, results: results(pending, .created), pulled: [], cursor: "c1", now: Date())
        let next = try store.pendingChanges(limit: 10).changes
        #expect(
            next.map(\.wire) == [
                WireChange(tombstone: SampleRecord.make(2).id, deletedAt: next.first?.wire.deletedAt ?? "")
            ]
        )
        #expect(next.first?.wire.isTombstone == true)
        _ = try store.applySync(sent: next, results: results(next, .deleted), pulled: [], cursor: "c2", now: Date())
        #expect(try store.pendingCount() == 0)
        #expect(try store.beginSync(account: "https://a 1").cursor == "c2")
        // Another account starts over: everything is pending again and the cursor is gone.
        #expect(try store.beginSync(account: "https://b 2").cursor == nil)
        #expect(try store.pendingCount() == 3)
    }

    @Test func pulledChangesApplyOnceAndATombstoneWins() throws {
        try store.add(SampleRecord.make(1))
        try store.add(SampleRecord.make(2))
        var remote = SampleRecord.make(7)
        remote.units = .imperial
        let pulled = [
            WireChange(record: remote.wire),
            WireChange(tombstone: SampleRecord.make(1).id, deletedAt: "2026-11-27T14:00:00Z"),
            WireChange(tombstone: SampleRecord.make(9).id, deletedAt: "2026-11-27T14:00:00Z"),
        ]
        let applied = try store.applySync(
            sent: [], results: [], pulled: pulled.compactMap(\.remote), cursor: "c", now: Date())
        #expect(applied == AppliedSync(added: 1, deleted: 1, refused: 0))
        #expect(try store.record(idPrefix: remote.id) == remote)
        let again = try store.applySync(
            sent: [], results: [], pulled: pulled.compactMap(\.remote), cursor: "c", now: Date())
        #expect(again == AppliedSync())
        // The record of a tombstone pulled earlier never comes back.
        _ = try store.applySync(
            sent: [], results: [], pulled: [WireChange(record: SampleRecord.make(9).wire)].compactMap(\.remote),
            cursor: "c",
            now: Date())
        let ids = try store.syncedIDs()
        #expect(ids.live == [SampleRecord.make(2).id, remote.id])
        #expect(ids.deleted == [SampleRecord.make(1).id, SampleRecord.make(9).id])
        // Pulled records are already on the service, and so is the delete of record 1: only record 2 waits.
        #expect(try store.pendingChanges(limit: 10).changes.map(\.wire.id) == [SampleRecord.make(2).id])
    }

    @Test func aRecordTheServiceHoldsDeletedIsDeletedHereAndConflictsAreCounted() throws {
        try store.add(SampleRecord.make(1))
        try store.add(SampleRecord.make(2))
        let pending = try store.pendingChanges(limit: 10).changes
        let applied = try store.applySync(
            sent: pending,
            results: [
                PushResult(id: SampleRecord.make(1).id, status: .deleted),
                PushResult(id: SampleRecord.make(2).id, status: .conflict),
            ],
            pulled: [], cursor: "c", now: Date())
        #expect(applied.deleted == 1 && applied.refused == 1)
        #expect(try store.count(placePrefix: nil) == 1)
        #expect(try store.pendingCount() == 0)
    }

    @Test func undoLiftsAnUnsentDeleteButRestoresASentOneAsACopy() throws {
        try store.add(SampleRecord.make(1))
        try store.add(SampleRecord.make(2))
        _ = try store.delete(idPrefix: SampleRecord.make(1).id, at: Date())
        #expect(try store.undoLastDelete()?.id == SampleRecord.make(1).id)

        _ = try store.delete(idPrefix: SampleRecord.make(2).id, at: Date())
        let pending = try store.pendingChanges(limit: 10).changes
        _ = try store.applySync(
            sent: pending,
            results: results(pending, .created).enumerated().map { index, result in
                pending[index].wire.isTombstone ? PushResult(id: result.id, status: .deleted) : result
            }, pulled: [], cursor: "c", now: Date())
        let restored = try #require(try store.undoLastDelete())
        #expect(restored.id != SampleRecord.make(2).id)
        #expect(restored.place == SampleRecord.make(2).place && restored.recordedAt == SampleRecord.make(2).recordedAt)
        // The tombstone stays (it has reached the service); the copy is what travels next.
        let ids = try store.syncedIDs()
        #expect(ids.deleted.contains(SampleRecord.make(2).id) && ids.live.contains(restored.id))
        #expect(try store.pendingChanges(limit: 10).changes.map(\.wire.id) == [restored.id])
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

/// The wire's hand-written JSON reads back as the same values through JSONDecoder.
@Suite struct WireJSONTests {
    @Test func recordsAndRequestsRoundTripThroughJSONDecoder() throws {
        var record = SampleRecord.make(3).wire
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
