import Foundation
import Testing
import WeatherCore
import WeatherTestSupport

/// Real libcurl against a real loopback server.
@Suite struct CurlHTTPClientTests {
    init() { CurlHTTPClient.globalInit() }

    @Test func getsBodyStatusAndHeadersWithUserAgent() async throws {
        let server = try FixtureServer { _ in .json(#"{"ok":true}"#, status: 201, headers: ["X-Thing": "yes"]) }
        let client = CurlHTTPClient()

        let response = try await client.send(
            HTTPRequest(url: server.baseURL + "/hello?a=1", headers: ["Accept": "application/json"]))

        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
        #expect(response.headers["x-thing"] == "yes")
        let request = try #require(server.requests.first)
        #expect(request.target == "/hello?a=1")
        #expect(request.headers["user-agent"] == "meteo/\(MeteoVersion.current)")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func sendsMethodAndBody() async throws {
        let server = try FixtureServer { request in .json(String(decoding: request.body, as: UTF8.self)) }
        let client = CurlHTTPClient()
        let response = try await client.send(
            HTTPRequest(method: "PUT", url: server.baseURL + "/r/1", body: Data("{\"x\":1}".utf8)))
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"x\":1}")
        #expect(server.requests.first?.method == "PUT")
    }

    @Test func reusesOneConnectionAcrossRequests() async throws {
        let server = try FixtureServer { _ in .json("{}") }
        let client = CurlHTTPClient()
        for _ in 0..<5 { _ = try await client.send(HTTPRequest(url: server.baseURL + "/x")) }
        #expect(server.requests.count == 5)
        #expect(server.connectionCount == 1)
    }

    @Test func totalTimeoutEndsASlowAnswer() async throws {
        let server = try FixtureServer { _ in .delayed(seconds: 5, then: .json("{}")) }
        let client = CurlHTTPClient(options: .init(connectTimeout: 1, totalTimeout: 0.3))
        // The answer would come after 5 s with a 200: only the timeout can make this throw. (No wall-clock
        // bound: other tests may hold the few test threads for seconds.)
        await #expect(throws: HTTPError.timeout(seconds: 0.3)) {
            try await client.send(HTTPRequest(url: server.baseURL + "/slow"))
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try FixtureServer { _ in .delayed(seconds: 10, then: .json("{}")) }
        let client = CurlHTTPClient()
        let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/slow")) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        // Without the abort the transfer would end after 10 s with a 200, not with `.cancelled`.
        let result = await task.result
        #expect(throws: HTTPError.cancelled) { try result.get() }
    }

    @Test func responseLargerThanTheCapIsDropped() async throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 300_000)
        let server = try FixtureServer { _ in .respond(status: 200, body: big) }
        let client = CurlHTTPClient(options: .init(maxResponseBytes: 100_000))
        await #expect(throws: HTTPError.responseTooLarge(limit: 100_000)) {
            try await client.send(HTTPRequest(url: server.baseURL + "/big"))
        }
    }

    @Test func truncatedBodyAndClosedConnectionAreErrors() async throws {
        let server = try FixtureServer { request in
            request.path == "/short" ? .truncated(status: 200, body: Data("{\"a\":".utf8), missing: 50) : .close
        }
        let client = CurlHTTPClient()
        await #expect(throws: HTTPError.connectionClosed) {
            try await client.send(HTTPRequest(url: server.baseURL + "/short"))
        }
        await #expect(throws: HTTPError.connectionClosed) {
            try await client.send(HTTPRequest(url: server.baseURL + "/closed"))
        }
    }

    @Test func refusedConnectionIsReportedWithTheHost() async throws {
        let server = try FixtureServer { _ in .json("{}") }
        let url = server.baseURL + "/x"
        server.stop()
        await #expect(throws: HTTPError.connectionRefused(host: "127.0.0.1")) {
            try await CurlHTTPClient().send(HTTPRequest(url: url))
        }
    }

    @Test func redirectsAreFollowedButBounded() async throws {
        let server = try FixtureServer { request in
            switch request.path {
            case "/start": .respond(status: 302, headers: ["Location": "/end"], body: Data())
            case "/loop": .respond(status: 302, headers: ["Location": "/loop"], body: Data())
            default: .json(#"{"arrived":true}"#)
            }
        }
        let client = CurlHTTPClient()
        let response = try await client.send(HTTPRequest(url: server.baseURL + "/start"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"arrived":true}"#)
        await #expect(throws: HTTPError.badRedirect) {
            try await client.send(HTTPRequest(url: server.baseURL + "/loop"))
        }
    }

    @Test func nonHTTPSchemesAreRefusedBeforeAnyTransfer() async {
        await #expect(throws: HTTPError.invalidURL("file:///etc/passwd")) {
            try await CurlHTTPClient().send(HTTPRequest(url: "file:///etc/passwd"))
        }
    }

    @Test func selfSignedCertificateIsRefused() async throws {
        // A real TLS server (openssl s_server) with a certificate nobody vouches for: the handshake must fail.
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        await #expect(throws: HTTPError.tls(host: "127.0.0.1")) {
            try await CurlHTTPClient().send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
        }
    }

    @Test func retryAfterIsReadInSeconds() {
        #expect(HTTPResponse(status: 429, headers: ["retry-after": " 120 "], body: Data()).retryAfterSeconds == 120)
        #expect(
            HTTPResponse(status: 429, headers: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"], body: Data())
                .retryAfterSeconds == nil)
    }
}
