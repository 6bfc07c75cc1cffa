import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RecordAPI
import Testing
import WeatherTestSupport

@testable import RecordService

/// What any token holder (or anyone) can send: crafted cursors and times, batches naming an id twice, sync
/// without a device, controls in fields, lower-case schemes, a storm of bad tokens, media types that only look
/// like JSON. None of it may crash, lose a change or answer 500.
@Suite struct HostileClientTests {
    typealias R = RecordRouteTests
    typealias S = SyncRouteTests

    @Test(arguments: Backend.allCases)
    func syncWithoutADeviceReceivesChangesFromEveryWayIn(backend: Backend) async throws {
        try await R().withRouter(backend) { client, ann, _ in
            // Given records written through the REST route and pushed without a device
            let put = SampleRecord.wire(1)
            try await client.execute(
                uri: RecordPaths.records + "/" + put.id, method: .put, headers: R.headers(ann), body: R.body(put)
            ) { #expect($0.status == .created) }
            let (status, _, _) = try await S.sync(
                client, token: ann, SyncRequest(changes: [WireChange(record: SampleRecord.wire(2))], cursor: nil))
            #expect(status == .ok)
            // When a client that names no device pulls: it receives both, and its cursor passes nothing unseen
            let pulled = try await S.pullAll(client, token: ann, device: nil)
            #expect(Set(pulled.changes.map(\.id)) == [SampleRecord.id(1), SampleRecord.id(2)])
            // And a device that wrote none of them receives them too
            #expect(
                Set(try await S.pullAll(client, token: ann, device: "laptop").changes.map(\.id)) == [
                    SampleRecord.id(1), SampleRecord.id(2),
                ])
        }
    }

    @Test(arguments: Backend.allCases)
    func anIdNamedTwiceInOneBatchIsAnsweredPerEntryTruthfully(backend: Backend) async throws {
        try await R().withRouter(backend) { client, ann, _ in
            let first = SampleRecord.wire(1)
            let other = SampleRecord.wire(1, temperature: 1)
            let (status, response, _) = try await S.sync(
                client, token: ann,
                SyncRequest(
                    changes: [WireChange(record: first), WireChange(record: first), WireChange(record: other)],
                    cursor: nil, device: "laptop"))
            #expect(status == .ok)
            #expect(response?.results.map(\.status) == [.created, .unchanged, .conflict])
            // The first body is the one kept
            let kept = try await S.pullAll(client, token: ann, device: "desktop").changes
            #expect(kept.first?.record?.temperature == first.temperature)
        }
    }

    @Test func controlsFarTimesAndLongDevicesAreRefusedNever500() async throws {
        try await R().withRouter { client, ann, _ in
            var nul = SampleRecord.wire(3)
            nul.place.name = "Pa\u{0}ris"
            var farTombstone = WireChange(tombstone: SampleRecord.id(4), deletedAt: "9999-12-31T23:59:59Z")
            for request in [
                SyncRequest(changes: [WireChange(record: nul)], cursor: nil),
                SyncRequest(changes: [farTombstone], cursor: nil),
                SyncRequest(changes: [], cursor: nil, device: "e" + String(repeating: "\u{301}", count: 64)),
                SyncRequest(changes: [], cursor: nil, device: "dev\u{0}ice"),
            ] {
                let (status, _, error) = try await S.sync(client, token: ann, request)
                #expect(status == .badRequest, "\(request)")
                #expect(error?.code == "invalid")
            }
            farTombstone.deletedAt = "2026-11-27T14:00:00Z"
            #expect(try await S.sync(client, token: ann, SyncRequest(changes: [farTombstone], cursor: nil)).0 == .ok)
            // A PUT with a NUL in a name is a 400 too
            try await client.execute(
                uri: RecordPaths.records + "/" + nul.id, method: .put, headers: R.headers(ann), body: R.body(nul)
            ) { #expect($0.status == .badRequest) }
        }
    }

    @Test func theBearerSchemeInAnyCaseAndOnlyJSONIsJSON() async throws {
        try await R().withRouter { client, ann, _ in
            for scheme in ["bearer", "BEARER", "Bearer"] {
                try await client.execute(
                    uri: RecordPaths.records, method: .get, headers: [.authorization: "\(scheme) \(ann)"]
                ) { #expect($0.status == .ok, "\(scheme)") }
            }
            let record = SampleRecord.wire(5)
            for type in ["application/jsonx", "text/json", "application/json-seq", "application/x-json"] {
                try await client.execute(
                    uri: RecordPaths.records + "/" + record.id, method: .put,
                    headers: [.authorization: "Bearer \(ann)", .contentType: type], body: R.body(record)
                ) { #expect($0.status == .unsupportedMediaType, "\(type)") }
            }
            try await client.execute(
                uri: RecordPaths.records + "/" + record.id, method: .put,
                headers: [.authorization: "Bearer \(ann)", .contentType: "Application/JSON; charset=utf-8"],
                body: R.body(record)
            ) { #expect($0.status == .created) }
        }
    }

    @Test func headOptionsAndTraceAreAnsweredAsHTTPSays() async throws {
        try await R().withRouter(headAsGet: true) { client, ann, _ in
            // HEAD is the GET without its body
            try await client.execute(uri: RecordPaths.health, method: .head) {
                #expect($0.status == .ok)
                #expect($0.body.readableBytes == 0)
            }
            try await client.execute(uri: RecordPaths.records, method: .head, headers: R.headers(ann, json: false)) {
                #expect($0.status == .ok)
                #expect($0.body.readableBytes == 0)
            }
            // OPTIONS says what a path serves; TRACE is not served
            try await client.execute(uri: RecordPaths.records + "/" + SampleRecord.id(1), method: .options) {
                #expect($0.status == .noContent)
                #expect($0.headers[.allow] == "GET, PUT, DELETE, HEAD, OPTIONS")
            }
            try await client.execute(uri: RecordPaths.sync, method: .trace) {
                #expect($0.status == .methodNotAllowed)
                #expect($0.headers[.allow] == "POST, OPTIONS")
                #expect(R.error($0)?.code == "method_not_allowed")
            }
        }
    }

    @Test func aKeyNamedTwiceIsRefused() async throws {
        try await R().withRouter { client, ann, _ in
            let record = SampleRecord.wire(7)
            var text = String(decoding: R.body(record).readableBytesView, as: UTF8.self)
            text.removeLast()
            text += #","temperature":-80}"#
            try await client.execute(
                uri: RecordPaths.records + "/" + record.id, method: .put, headers: R.headers(ann),
                body: ByteBuffer(string: text)
            ) {
                #expect($0.status == .badRequest)
                #expect(R.error($0)?.code == "invalid_json")
            }
        }
    }

    @Test func aHugePathIsLoggedCut() {
        let path = "/v1/" + String(repeating: "a", count: 70_000)
        let logged = RequestObservation.bounded(path)
        #expect(logged.count < 240)
        #expect(logged.hasSuffix("…(70004 bytes)"))
        #expect(RequestObservation.bounded("/v1/records") == "/v1/records")
    }

    @Test func badTokensFromOneAddressAreLimitedWithoutTheDatabase() async throws {
        // One failure a minute: the next token drips in after 60 s, longer than a busy machine's stall (at five
        // a minute, one dripped in every 12 s and a slow run saw 401 where 429 was due).
        try await R().withRouter(limits: R.limits(authFailuresPerMinute: 1)) { client, ann, _ in
            try await client.execute(
                uri: RecordPaths.records, method: .get, headers: [.authorization: "Bearer mr_guess0"]
            ) { #expect($0.status == .unauthorized) }
            // The second bad attempt, and even a good token from the same address, wait
            for headers: HTTPFields in [[.authorization: "Bearer mr_guess"], [:], R.headers(ann, json: false)] {
                try await client.execute(uri: RecordPaths.records, method: .get, headers: headers) {
                    #expect($0.status == .tooManyRequests)
                    #expect(Int($0.headers[.retryAfter] ?? "") ?? 0 >= 1)
                }
            }
        }
    }
}
