import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import RecordAPI
import Synchronization
import Testing
import WeatherTestSupport

@testable import RecordService

@Suite struct SyncRouteTests {
    typealias R = RecordRouteTests

    static func sync(
        _ client: any TestClientProtocol, token: String, _ request: SyncRequest
    ) async throws -> (HTTPResponse.Status, SyncResponse?, ErrorBody.Detail?) {
        try await client.execute(
            uri: RecordPaths.sync, method: .post, headers: R.headers(token),
            body: ByteBuffer(bytes: try JSONEncoder().encode(request))
        ) { response in
            let data = Data(response.body.readableBytesView)
            return (
                response.status, try? JSONDecoder().decode(SyncResponse.self, from: data),
                try? JSONDecoder().decode(ErrorBody.self, from: data).error
            )
        }
    }

    /// Pulls until the server says nothing more waits.
    static func pullAll(_ client: any TestClientProtocol, token: String, device: String?, cursor: String? = nil)
        async throws -> (changes: [WireChange], cursor: String?)
    {
        var cursor = cursor
        var changes: [WireChange] = []
        for _ in 0..<200 {
            let (status, body, _) = try await sync(
                client, token: token, SyncRequest(changes: [], cursor: cursor, limit: 3, device: device))
            #expect(status == .ok)
            let response = try #require(body)
            changes += response.changes
            cursor = response.cursor
            if !response.more { break }
            if response.changes.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        return (changes, cursor)
    }

    @Test(arguments: Backend.allCases)
    func pushIsIdempotentTombstonesWinAndOwnChangesStayHome(backend: Backend) async throws {
        try await R().withRouter(backend) { client, ann, bob in
            let records: [WireRecord] = (1...7).map { index in
                SampleRecord.wire(index, recordedAt: Date(timeIntervalSince1970: 1_795_784_400 + Double(index) * 60))
            }
            let batch =
                records.map(WireChange.init(record:)) + [
                    WireChange(tombstone: SampleRecord.id(2), deletedAt: "2026-11-27T14:00:00Z"),
                    WireChange(tombstone: SampleRecord.id(99), deletedAt: "2026-11-27T14:00:00Z"),
                ]
            let (status, first, _) = try await Self.sync(
                client, token: ann, SyncRequest(changes: batch, cursor: nil, device: "laptop"))
            #expect(status == .ok)
            let expected: [PushStatus] =
                [.created, .deleted] + Array(repeating: .created, count: 5) + [.deleted, .deleted]
            #expect(first?.results.map(\.status) == expected)
            // The laptop made all of it: nothing comes back to it.
            #expect(first?.changes == [])
            let (_, again, _) = try await Self.sync(
                client, token: ann, SyncRequest(changes: batch, cursor: first?.cursor, device: "laptop"))
            let repeated: [PushStatus] =
                [.unchanged, .deleted] + Array(repeating: .unchanged, count: 5) + [.deleted, .deleted]
            #expect(again?.results.map(\.status) == repeated)
            #expect(again?.changes == [])

            // Another device of Ann's gets everything once, in pages; the deleted ids as tombstones only.
            let (pulled, cursor) = try await Self.pullAll(client, token: ann, device: "desktop")
            let live = Set(pulled.compactMap(\.record?.id))
            let tombstones = Set(pulled.filter(\.isTombstone).map(\.id))
            #expect(live == Set([1, 3, 4, 5, 6, 7].map(SampleRecord.id)))
            #expect(tombstones == [SampleRecord.id(2), SampleRecord.id(99)])
            #expect(pulled.count == 8)
            // A record arriving after its tombstone stays deleted.
            let (_, late, _) = try await Self.sync(
                client, token: ann,
                SyncRequest(changes: [WireChange(record: SampleRecord.wire(99))], cursor: cursor, device: "desktop"))
            #expect(late?.results.map(\.status) == [.deleted])
            #expect(try await Self.pullAll(client, token: ann, device: "desktop", cursor: cursor).changes == [])

            // Bob sees none of it, and cannot delete or overwrite Ann's records through sync.
            let (_, bobs, _) = try await Self.sync(
                client, token: bob,
                SyncRequest(
                    changes: [
                        WireChange(tombstone: SampleRecord.id(3), deletedAt: "2026-11-27T15:00:00Z"),
                        WireChange(record: SampleRecord.wire(4, temperature: -40)),
                    ], cursor: nil, device: "bobs"))
            #expect(bobs?.results.map(\.status) == [.deleted, .created])
            #expect(
                try await Self.pullAll(client, token: bob, device: "other").changes.map(\.id).sorted() == [
                    SampleRecord.id(3), SampleRecord.id(4),
                ])
            let annAfter = try await Self.pullAll(client, token: ann, device: "third").changes
            #expect(annAfter.first { $0.id == SampleRecord.id(4) }?.record?.temperature == 23.5)
            #expect(annAfter.first { $0.id == SampleRecord.id(3) }?.isTombstone == false)

            // A different body under a known id is a conflict, reported per change.
            let (_, conflict, _) = try await Self.sync(
                client, token: ann,
                SyncRequest(changes: [WireChange(record: SampleRecord.wire(5, temperature: 0))], cursor: nil))
            #expect(conflict?.results.map(\.status) == [.conflict])
        }
    }

    @Test func badBatchesNameTheFieldAtFault() async throws {
        try await R().withRouter { client, ann, _ in
            var far = SampleRecord.wire(1)
            far.place.latitude = -91
            let (status, _, error) = try await Self.sync(
                client, token: ann,
                SyncRequest(changes: [WireChange(record: SampleRecord.wire(2)), WireChange(record: far)], cursor: nil))
            #expect(status == .badRequest)
            #expect(error?.field == "changes[1].record.place.latitude")
            let (badCursor, _, cursorError) = try await Self.sync(
                client, token: ann, SyncRequest(changes: [], cursor: "nonsense"))
            #expect(badCursor == .badRequest)
            #expect(cursorError?.field == "cursor")
            let tooMany = (0...SyncRequest.maxChanges).map {
                WireChange(tombstone: SampleRecord.id($0), deletedAt: "2026-11-27T14:00:00Z")
            }
            let (manyStatus, _, manyError) = try await Self.sync(
                client, token: ann, SyncRequest(changes: tooMany, cursor: nil))
            #expect(manyStatus == .badRequest)
            #expect(manyError?.field == "changes")
            let neither = ByteBuffer(
                string: #"{"changes":[{"id":"\#(SampleRecord.id(3))","record":null,"deleted_at":null}]}"#)
            try await client.execute(uri: RecordPaths.sync, method: .post, headers: R.headers(ann), body: neither) {
                #expect($0.status == .badRequest)
                #expect(R.error($0)?.field == "changes[0].record")
            }
            let wrongType = ByteBuffer(string: #"{"changes":[{"id":5}]}"#)
            try await client.execute(uri: RecordPaths.sync, method: .post, headers: R.headers(ann), body: wrongType) {
                #expect($0.status == .badRequest)
                #expect(R.error($0)?.field == "changes[0].id")
            }
            try await client.execute(uri: RecordPaths.sync, method: .post, headers: R.headers(nil), body: wrongType) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}

@Suite struct LateCommitTests {
    /// The classic hole: transaction A takes the lower sequence number, B the higher, B commits first, and a
    /// reader that moved its cursor past B's change would never see A's. Two replicas (two clients), one
    /// transaction held open by hand.
    @Test func aChangeThatCommitsLateIsNeverSkipped() async throws {
        try await TestDatabase.withFresh { replicaOne in
            let replicaTwo = PostgresClient(
                configuration: try TestDatabase.configuration(database: try await Self.databaseName(replicaOne)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await replicaTwo.run() }
                defer { group.cancelAll() }
                let logger = TestDatabase.logger
                let tokens = TokenStore(client: replicaOne, logger: logger)
                let user = try #require(try await tokens.user(for: try await tokens.create(user: "ann")))
                let one = PostgresRecordRepository(client: replicaOne, logger: logger)
                let two = PostgresRecordRepository(client: replicaTwo, logger: logger)
                let early = WireChange(record: SampleRecord.wire(1))
                let late = WireChange(record: SampleRecord.wire(2))

                var firstPull: PulledChanges?
                try await replicaOne.withConnection { held in
                    try await held.query("BEGIN")
                    // A writes first: the lower transaction id and the lower sequence number.
                    _ = try await one.push([early], user: user, device: "a", on: held)
                    // B writes after and commits first.
                    #expect(try await two.push([late], user: user, device: "b").map(\.status) == [.created])
                    var sequences: [Int64] = []
                    for try await sequence in try await replicaTwo.query(
                        "SELECT change_seq FROM record ORDER BY change_txid"
                    ).decode(Int64.self) {
                        sequences.append(sequence)
                    }
                    #expect(sequences.count == 1)  // only B is visible: A has not committed
                    firstPull = try await two.pull(user: user, after: .start, limit: 100, device: "reader")
                    try await held.query("COMMIT")
                }
                let pulled = try #require(firstPull)
                // B's change is held back behind A (still running), never returned with a cursor beyond A.
                #expect(!pulled.changes.contains { $0.id == early.id })
                #expect(pulled.more)
                // Once A commits, pulling from the first cursor brings both; nothing is skipped.
                var seen = Set(pulled.changes.map(\.id))
                var cursor = pulled.cursor
                for _ in 0..<500 where seen.count < 2 {
                    let next = try await one.pull(user: user, after: cursor, limit: 100, device: "reader")
                    seen.formUnion(next.changes.map(\.id))
                    cursor = next.cursor
                    if next.changes.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
                }
                #expect(seen == [early.id, late.id])
            }
        }
    }

    static func databaseName(_ client: PostgresClient) async throws -> String {
        for try await name in try await client.query("SELECT current_database()").decode(String.self) { return name }
        throw DatabaseTimeout()
    }
}

@Suite struct ServiceEdgeTests {
    typealias R = RecordRouteTests

    @Test func wrongMethodsUnknownPathsMetricsAndRequestIDs() async throws {
        try await R().withRouter { client, ann, _ in
            try await client.execute(uri: RecordPaths.sync, method: .get, headers: R.headers(ann, json: false)) {
                #expect($0.status == .methodNotAllowed)
                #expect($0.headers[.allow] == "POST, OPTIONS")
                #expect(R.error($0)?.code == "method_not_allowed")
            }
            try await client.execute(uri: RecordPaths.records, method: .delete) {
                #expect($0.status == .methodNotAllowed)
            }
            try await client.execute(uri: "/v2/elsewhere", method: .get) {
                #expect($0.status == .notFound)
                #expect(R.error($0)?.code == "not_found")
            }
            try await client.execute(
                uri: RecordPaths.records, method: .get, headers: [.init("X-Request-ID")!: "trace-42"]
            ) {
                #expect($0.headers[.init("X-Request-ID")!] == "trace-42")
            }
            try await client.execute(uri: RecordPaths.records, method: .get, headers: R.headers(ann, json: false)) {
                #expect($0.status == .ok)
                #expect($0.headers[.init("X-Request-ID")!]?.count == 36)
            }
            try await client.execute(uri: RecordPaths.metrics, method: .get) {
                let text = String(buffer: $0.body)
                #expect($0.status == .ok)
                #expect(
                    text.contains(
                        #"meteo_records_http_requests_total{route="/v1/records",method="GET",status="200"} 1"#))
                #expect(
                    text.contains(#"meteo_records_http_requests_total{route="/v1/sync",method="GET",status="405"} 1"#))
                #expect(text.contains(#"meteo_records_http_request_duration_seconds_bucket{route="/v1/records""#))
                #expect(text.contains("meteo_records_db_connections_max 16"))
                #expect(text.contains("meteo_records_db_connections_in_use"))
            }
        }
    }

    @Test func aTokenOverItsRateGets429WithRetryAfter() async throws {
        try await R().withRouter(limits: R.limits(ratePerMinute: 3)) { client, ann, bob in
            for _ in 0..<3 {
                try await client.execute(
                    uri: RecordPaths.records, method: .get, headers: R.headers(ann, json: false)
                ) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(uri: RecordPaths.records, method: .get, headers: R.headers(ann, json: false)) {
                #expect($0.status == .tooManyRequests)
                #expect(R.error($0)?.code == "rate_limited")
                #expect(Int($0.headers[.retryAfter] ?? "") ?? 0 >= 1)
            }
            // Another token has its own budget.
            try await client.execute(uri: RecordPaths.records, method: .get, headers: R.headers(bob, json: false)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func writtenResponsesAreTheEncodersBytes() throws {
        // The routes write pages and sync answers from stored JSON; the bytes are what JSONEncoder with sorted
        // keys writes for RecordPage and SyncResponse (a client decoding them cannot tell).
        var kept = SampleRecord.wire(2, temperature: -4.5)
        kept.keptOffline = true
        kept.place.admin1 = nil
        let records = [SampleRecord.wire(1), kept]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func text(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        for next in [nil, "Y3Vyc29y"] {
            let raw = RawRecordPage(records: records.map(\.json).joined(separator: ","), next: next)
            #expect(raw.json == (try text(RecordPage(records: records, next: next))))
        }
        let pulled = PulledChanges(
            items: [
                PulledChange(id: SampleRecord.id(1), body: records[0].json, deletedAt: nil),
                PulledChange(id: SampleRecord.id(3), body: nil, deletedAt: "2026-11-28T10:00:00Z"),
            ], cursor: ChangeCursor(transaction: 7, sequence: 42), more: true)
        let results = [
            PushResult(id: SampleRecord.id(1), status: .created), PushResult(id: SampleRecord.id(3), status: .deleted),
        ]
        let expected = SyncResponse(
            results: results, changes: pulled.changes, cursor: pulled.cursor.text, more: pulled.more)
        #expect(pulled.changes.count == 2)
        #expect(SyncController<MemoryRecordRepository>.responseJSON(pulled, results: results) == (try text(expected)))
    }

    @Test func theDeadlineWatchCancelsOnlyWhatIsDue() {
        let watch = DeadlineWatch()
        let cancelled = Mutex<[String]>([])
        let now = ContinuousClock.now
        let soon = watch.add(due: now + .milliseconds(10)) { cancelled.withLock { $0.append("soon") } }
        _ = watch.add(due: now + .seconds(60)) { cancelled.withLock { $0.append("later") } }
        let removed = watch.add(due: now) { cancelled.withLock { $0.append("removed") } }
        watch.remove(removed)
        watch.expire(now: now + .seconds(1))
        #expect(cancelled.withLock { $0 } == ["soon"])
        watch.remove(soon)
        watch.expire(now: now + .seconds(61))
        #expect(cancelled.withLock { $0 } == ["soon", "later"])
    }

    @Test func rateLimiterRefillsOverTime() {
        let limiter = RateLimiter(perMinute: 60)
        let start = ContinuousClock.now
        for _ in 0..<60 { #expect(limiter.take("t", now: start) == nil) }
        #expect(limiter.take("t", now: start) == 1)
        #expect(limiter.take("t", now: start + .seconds(1)) == nil)
        #expect(limiter.take("t", now: start + .seconds(1)) != nil)
    }
}
