import Foundation
import RecordAPI
import Synchronization
import Testing
import WeatherTestSupport

/// meteo-records as a process, spoken to over raw sockets the way slow, stalled and broken clients speak, and
/// kept serving while its database goes away.
@Suite(.serialized) struct ServiceConnectionTests {
    static let timeouts = [
        "METEO_RECORDS_IDLE_TIMEOUT": "2", "METEO_RECORDS_HEADER_TIMEOUT": "1", "METEO_RECORDS_BODY_TIMEOUT": "1",
        "METEO_RECORDS_DB_TIMEOUT": "1", "METEO_RECORDS_SHUTDOWN_TIMEOUT": "2",
    ]

    static func put(_ id: String, token: String) -> String {
        let body =
            #"{"id":"\#(id)","observed_at":"2026-11-27T13:00:00Z","recorded_at":"2026-11-27T13:04:12Z","#
            + #""place":{"name":"Oslo","country_code":"NO","latitude":59.9,"longitude":10.7,"timezone":"Europe/Oslo"},"#
            + #""provider":"open-meteo","temperature":-3.5,"weather_code":3,"units":"metric"}"#
        return "PUT \(RecordPaths.records)/\(id) HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    static func get(token: String) -> String {
        "GET \(RecordPaths.records)?limit=5 HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \(token)\r\n\r\n"
    }

    static func status(_ response: String?) -> Int? {
        response.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    /// The JSON error shape and a request id, whatever answered.
    static func isJSONError(_ response: String?, code: String) -> Bool {
        guard let response else { return false }
        let lower = response.lowercased()
        return lower.contains("content-type: application/json") && lower.contains("x-request-id: ")
            && response.contains(#""code":"\#(code)""#)
    }

    @Test func aBodyThatTricklesIs408AndNeverTheTooLargeOfABigBody() throws {
        let world = try SyncWorld(replicas: 1, environment: Self.timeouts)
        let token = try world.token(for: "ann")
        let socket = try LoopbackSocket(port: world.replicas[0].port)
        let request = Self.put("7d3c2a0e-6a7b-4f7e-9a43-000000000001", token: token)
        let cut = request.index(request.endIndex, offsetBy: -40)
        socket.send(String(request[..<cut]))
        let started = ContinuousClock.now
        let response = socket.receiveResponse(timeout: .seconds(10))
        #expect(Self.status(response) == 408, "\(response ?? "no answer")")
        #expect(Self.isJSONError(response, code: "body_timeout"))
        #expect(ContinuousClock.now - started < .seconds(5))
        // The same request sent whole is kept.
        let whole = try LoopbackSocket(port: world.replicas[0].port)
        whole.send(request)
        #expect(Self.status(whole.receiveResponse(timeout: .seconds(10))) == 201)
    }

    @Test func idleConnectionsAreClosedAndAHeadThatTricklesIs408() throws {
        let world = try SyncWorld(replicas: 1, environment: Self.timeouts)
        let port = world.replicas[0].port
        let idle = try (0..<100).map { _ in try LoopbackSocket(port: port) }
        // A head sent a byte at a time is never idle, yet it must end.
        let trickle = try LoopbackSocket(port: port)
        let head = Array("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Padding: " + String(repeating: "a", count: 200))
        let started = ContinuousClock.now
        var answer = ""
        for character in head {
            guard trickle.send(String(character)) else { break }
            let (text, closed) = trickle.receive(timeout: .milliseconds(100))
            answer += text
            if closed || ContinuousClock.now - started > .seconds(15) { break }
        }
        #expect(Self.status(answer) == 408, "\(answer)")
        #expect(Self.isJSONError(answer, code: "header_timeout"))
        #expect(ContinuousClock.now - started < .seconds(4))
        for socket in idle {
            #expect(socket.receive(timeout: .seconds(5)).closed)
        }
        // Still serving.
        let fresh = try LoopbackSocket(port: port)
        fresh.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(Self.status(fresh.receiveResponse(timeout: .seconds(5))) == 200)
    }

    @Test func whatTheHTTPParserRefusesIsAnsweredInTheJSONShape() throws {
        let world = try SyncWorld(replicas: 1, environment: Self.timeouts)
        for garbage in [
            "GET /healthz HTTP/1.1\r\nHost: t\r\nBad Header\r\n\r\n", "\u{1}\u{2}\u{3} / HTTP/1.1\r\n\r\n",
            "GET /healthz HTTP/9.9\r\n\r\n",
            "POST /v1/sync HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            let socket = try LoopbackSocket(port: world.replicas[0].port)
            socket.send(garbage)
            let response = socket.receiveResponse(timeout: .seconds(5))
            #expect(Self.status(response) == 400, "\(garbage.debugDescription): \(response ?? "no answer")")
            #expect(Self.isJSONError(response, code: "bad_request"), "\(response ?? "")")
            #expect(socket.receive(timeout: .seconds(5)).closed)
        }
    }

    /// PostgreSQL stops (or freezes, as behind a partition) under load: every request in flight or arriving is
    /// answered (201, 200 or 503, never 500, never silence), and SIGTERM then ends the process within a bound.
    @Test(arguments: ["stop", "freeze"])
    func theDatabaseGoingAwayUnderLoadLeavesNoRequestUnanswered(_ how: String) throws {
        let world = try SyncWorld(replicas: 1, environment: Self.timeouts)
        let token = try world.token(for: "ann")
        let port = world.replicas[0].port
        let stopAt = ContinuousClock.now + .seconds(1)
        let endAt = stopAt + .seconds(4)
        let outcomes = Tally()
        // Threads, not tasks: the clients block on their sockets, which would starve the cooperative pool.
        let group = DispatchGroup()
        for client in 0..<12 {
            DispatchQueue.global().async(group: group) {
                var socket = try? LoopbackSocket(port: port)
                var index = 0
                while ContinuousClock.now < endAt {
                    index += 1
                    let id = String(format: "7d3c2a0e-6a7b-4f7e-%04x-%012x", client, index)
                    guard let open = socket ?? (try? LoopbackSocket(port: port)),
                        open.send(index % 2 == 0 ? Self.put(id, token: token) : Self.get(token: token))
                    else {
                        socket = nil
                        continue
                    }
                    let response = open.receiveResponse(timeout: .seconds(8))
                    outcomes.counts.withLock { $0[Self.status(response), default: 0] += 1 }
                    let closing = response?.lowercased().contains("connection: close") ?? true
                    socket = closing ? nil : open
                }
            }
        }
        Thread.sleep(until: Date() + 1)
        if how == "stop" { try world.cluster.stop() } else { try world.cluster.freeze() }
        group.wait()
        let seen = outcomes.counts.withLock { $0 }
        #expect(Set(seen.keys).isSubset(of: [200, 201, 503]), "\(seen)")
        #expect(seen[503, default: 0] > 0 && seen[200, default: 0] + seen[201, default: 0] > 0, "\(seen)")
        let started = ContinuousClock.now
        #expect(world.replicas[0].terminate(within: .seconds(10)))
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}

/// Statuses seen by concurrent clients (nil: no whole answer).
final class Tally: Sendable {
    let counts = Mutex<[Int?: Int]>([:])
}
