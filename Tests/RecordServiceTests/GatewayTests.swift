import Foundation
import HTTPTypes
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

/// The project's fixture server as the gateway's upstream, told to misbehave on demand.
final class FaultyUpstream: Sendable {
    /// What the fixture server injects (the issue's list).
    enum Fault: String, CaseIterable, Sendable {
        case slow, serverError, tooManyRequests, truncated, malformed, closed, empty
    }

    let server: FixtureServer

    init(delay: Double = 0, validKeys: Set<String> = ["valid-key"]) throws {
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures, validKeys: validKeys)
        let current = Current()
        server = try FixtureServer { request in
            let reply = routes.reply(to: request)
            switch current.fault.withLock({ $0 }) {
            case nil: return delay > 0 ? .delayed(seconds: delay, then: reply) : reply
            case .slow: return .delayed(seconds: 3, then: reply)
            case .serverError: return .json(#"{"error":true,"reason":"boom"}"#, status: 500)
            case .tooManyRequests:
                return .json(#"{"error":true,"reason":"slow down"}"#, status: 429, headers: ["Retry-After": "120"])
            case .truncated:
                return .truncated(status: 200, body: Data(#"{"latitude":48.85,"hourly":{"#.utf8), missing: 400)
            case .malformed: return .json(#"{"latitude": nope}"#)
            case .closed: return .close
            case .empty: return .respond(status: 200, headers: ["Content-Type": "application/json"], body: Data())
            }
        }
        self.current = current
    }

    /// The fault the server injects now, shared with its handler.
    private final class Current: Sendable {
        let fault = Mutex<Fault?>(nil)
    }

    private let current: Current

    func inject(_ fault: Fault?) { current.fault.withLock { $0 = fault } }

    /// Requests the upstream received for `path`.
    func count(_ path: String) -> Int { server.requests.filter { $0.path == path }.count }

    var baseURL: String { server.baseURL }

    /// Gateway settings with every upstream on a port nothing listens on (the discard port): a provider that is
    /// down. Not a stopped server's own port, which another test's server may take meanwhile.
    static func downSettings() -> GatewaySettings {
        var settings = GatewaySettings()
        for upstream in GatewayUpstream.allCases { settings.upstreams[upstream] = "http://127.0.0.1:9" }
        settings.upstreamTimeout = .seconds(1)
        return settings
    }

    /// Gateway settings with every upstream here.
    func settings() -> GatewaySettings {
        var settings = GatewaySettings()
        for upstream in GatewayUpstream.allCases { settings.upstreams[upstream] = baseURL }
        settings.upstreamTimeout = .seconds(1)
        return settings
    }
}

/// A wall clock that moves only when told.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_796_000_000))

    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    func advance(_ seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Every log line, for tests that look for what must never be written.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        let fields = (metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        lines.withLock { $0.append("\(level) \(message) \(fields)") }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

@Suite struct GatewayTests {
    static let token = "mr_ann"
    static let paris = "latitude=48.8534&longitude=2.3488&current=temperature_2m,weather_code&timezone=auto"
    static let forecastPath = GatewayUpstream.forecast.prefix + "/v1/forecast"

    static func headers(_ token: String? = Self.token) -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        return fields
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: FixtureRoutes.projectFixtures.appendingPathComponent(name)))
    }

    /// Runs `body` against the routes with a gateway over `settings`; `database` is the shared cache (none:
    /// memory only).
    static func withGateway(
        _ settings: GatewaySettings, clock: TestClock = TestClock(), database: PostgresClient? = nil,
        limits: ServiceLimits = RecordRouteTests.limits(), logger: Logger = TestDatabase.logger,
        _ body: @escaping @Sendable (any TestClientProtocol, Gateway) async throws -> Void
    ) async throws {
        let deadlines = DeadlineWatch()
        let built = Mutex<Gateway?>(nil)
        let shared = database.map {
            SharedCache(client: $0, logger: logger, maxRows: settings.sharedRows, maxBytes: settings.sharedBytes)
        }
        let router = buildRouter(
            repository: MemoryRecordRepository(), tokens: MemoryTokens([token: 1]), deadlines: deadlines,
            limits: limits,
            gateway: GatewaySetup(
                settings: settings, shared: shared, now: clock.now,
                built: { gateway in built.withLock { $0 = gateway } }),
            logger: logger)
        let gateway = try #require(built.withLock { $0 })
        try await Application(router: router, services: [deadlines]).test(.router) { client in
            try await body(client, gateway)
            await gateway.settle()
        }
    }

    /// GETs `uri` with ann's token; the response's status, body and headers.
    static func get(_ client: some TestClientProtocol, _ uri: String, token: String? = Self.token) async throws
        -> (status: Int, body: [UInt8], headers: HTTPFields)
    {
        try await client.execute(uri: uri, method: .get, headers: headers(token)) {
            ($0.status.code, Array($0.body.readableBytesView), $0.headers)
        }
    }

    /// The value of the metric line that starts with `series`, 0 when absent.
    static func metric(_ client: some TestClientProtocol, _ series: String) async throws -> Double {
        let text = String(decoding: try await get(client, RecordPaths.metrics, token: nil).body, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix(series + " ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
    }

    @Test func aColdMissIsFetchedOnceThenNearIdenticalRequestsAreHits() async throws {
        let upstream = try FaultyUpstream()
        try await Self.withGateway(upstream.settings()) { client, _ async throws in
            let first = try await Self.get(client, Self.forecastPath + "?" + Self.paris)
            #expect(first.status == 200)
            #expect(first.body == (try Self.fixture("open-meteo/forecast-48.8534_2.3488.json")))
            #expect(first.headers[.cacheStatus] == "meteo-records; fwd=uri-miss; stored")
            #expect(first.headers[.age] == nil)
            #expect(first.headers[.contentType] == "application/json")

            // Parameters in another order, fields listed differently, a few metres away: the same entry.
            let near = "timezone=auto&current=weather_code,temperature_2m&longitude=2.3511&latitude=48.8512"
            let second = try await Self.get(client, Self.forecastPath + "?" + near)
            #expect(second.status == 200)
            #expect(second.body == first.body)
            #expect(second.headers[.cacheStatus]?.hasPrefix("meteo-records; hit; ttl=") == true)
            #expect(second.headers[.age] == "0")
            #expect(upstream.count("/v1/forecast") == 1)

            // Another language is another answer.
            let other = try await Self.get(client, Self.forecastPath + "?" + Self.paris + "&language=fr")
            #expect(other.headers[.cacheStatus] == "meteo-records; fwd=uri-miss; stored")
            #expect(upstream.count("/v1/forecast") == 2)
            #expect(
                try await Self.metric(
                    client, #"meteo_records_gateway_cache_hits_total{provider="open-meteo",layer="memory"}"#) == 1)
            #expect(
                try await Self.metric(client, #"meteo_records_gateway_cache_misses_total{provider="open-meteo"}"#) == 2)
            #expect(
                try await Self.metric(
                    client, #"meteo_records_gateway_upstream_requests_total{provider="open-meteo",status="200"}"#) == 2)
        }
    }

    @Test func answersExpireAreServedStaleWhileRevalidatingThenRefetched() async throws {
        let upstream = try FaultyUpstream()
        let clock = TestClock()
        var settings = upstream.settings()
        settings.forecastTTL = .seconds(600)
        settings.staleWhileRevalidate = .seconds(300)
        try await Self.withGateway(settings, clock: clock) { client, gateway in
            let uri = Self.forecastPath + "?" + Self.paris
            _ = try await Self.get(client, uri)
            clock.advance(599)
            #expect(try await Self.get(client, uri).headers[.cacheStatus] == "meteo-records; hit; ttl=1")

            // Past its freshness, within stale-while-revalidate: the kept answer at once, a new one fetched behind.
            clock.advance(61)
            let stale = try await Self.get(client, uri)
            #expect(stale.status == 200)
            #expect(stale.headers[.age] == "660")
            #expect(
                stale.headers[.cacheStatus]
                    == "meteo-records; hit; ttl=-60; fwd=stale; detail=stale-while-revalidate")
            await gateway.settle()
            #expect(upstream.count("/v1/forecast") == 2)
            let fresh = try await Self.get(client, uri)
            #expect(fresh.headers[.cacheStatus] == "meteo-records; hit; ttl=600")
            #expect(fresh.headers[.age] == "0")

            // Past both: the client waits for the new answer.
            clock.advance(1000)
            let refetched = try await Self.get(client, uri)
            #expect(refetched.headers[.cacheStatus] == "meteo-records; fwd=stale; stored")
            #expect(upstream.count("/v1/forecast") == 3)
            #expect(
                try await Self.metric(
                    client, #"meteo_records_gateway_stale_served_total{provider="open-meteo",reason="revalidating"}"#)
                    == 1)
        }
    }

    /// For each fault: a kept answer is served stale (with `Age`), and without one the client gets a clear error.
    @Test(arguments: FaultyUpstream.Fault.allCases)
    func aFailingUpstreamIsCoveredByTheStaleAnswer(fault: FaultyUpstream.Fault) async throws {
        let upstream = try FaultyUpstream()
        let clock = TestClock()
        var settings = upstream.settings()
        settings.staleWhileRevalidate = .seconds(0)
        settings.staleIfError = .seconds(86_400)
        try await Self.withGateway(settings, clock: clock) { client, _ in
            let uri = Self.forecastPath + "?" + Self.paris
            let kept = try await Self.get(client, uri)
            clock.advance(3600)
            upstream.inject(fault)
            let stale = try await Self.get(client, uri)
            #expect(stale.status == 200)
            #expect(stale.body == kept.body)
            #expect(stale.headers[.age] == "3600")
            let cacheStatus = try #require(stale.headers[.cacheStatus])
            #expect(cacheStatus.hasPrefix("meteo-records; hit; ttl=-3000; fwd=stale"))
            #expect(cacheStatus.hasSuffix("detail=stale-if-error"))

            // Nothing kept for Tokyo: the failure, said in the service's error shape.
            let tokyo = try await Self.get(client, Self.forecastPath + "?latitude=35.6895&longitude=139.6917")
            let expected =
                switch fault {
                case .slow: 504
                case .tooManyRequests: 503
                default: 502
                }
            #expect(tokyo.status == expected)
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(tokyo.body)).error
            #expect(error.code.hasPrefix("upstream_"))
            if fault == .tooManyRequests {
                // Retry-After is honoured: nothing more is asked of the provider meanwhile.
                #expect(tokyo.headers[.retryAfter] == "120")
                let asked = upstream.count("/v1/forecast")
                upstream.inject(nil)
                #expect(try await Self.get(client, Self.forecastPath + "?latitude=1&longitude=2").status == 503)
                #expect(upstream.count("/v1/forecast") == asked)
            }
            #expect(
                try await Self.metric(
                    client, #"meteo_records_gateway_stale_served_total{provider="open-meteo",reason="upstream_error"}"#)
                    == 1)
        }
    }

    @Test func aFailingRefreshIsNotRetriedAtEachRequest() async throws {
        let upstream = try FaultyUpstream()
        let clock = TestClock()
        var settings = upstream.settings()
        settings.staleWhileRevalidate = .seconds(3600)
        try await Self.withGateway(settings, clock: clock) { client, gateway in
            let uri = Self.forecastPath + "?" + Self.paris
            _ = try await Self.get(client, uri)
            clock.advance(700)
            upstream.inject(.serverError)
            for _ in 0..<5 {
                #expect(try await Self.get(client, uri).status == 200)
                await gateway.settle()
            }
            // The first stale answer asked once in the background; the next ones wait out the pause.
            #expect(upstream.count("/v1/forecast") == 2)
        }
    }

    @Test func aHundredConcurrentIdenticalRequestsCauseOneUpstreamRequest() async throws {
        let upstream = try FaultyUpstream(delay: 0.5)
        try await Self.withGateway(upstream.settings()) { client, _ async throws in
            let uri = Self.forecastPath + "?" + Self.paris
            let answers = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        let answer = try await Self.get(client, uri)
                        return (answer.status, answer.body)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 100)
            #expect(answers.allSatisfy { $0.0 == 200 })
            #expect(Set(answers.map(\.1)).count == 1)
            #expect(upstream.count("/v1/forecast") == 1)
            // Each of the others waited for that request, or (arriving after it ended) found its answer kept.
            let waited = try await Self.metric(
                client, #"meteo_records_gateway_coalesced_waits_total{provider="open-meteo"}"#)
            let hits = try await Self.metric(
                client, #"meteo_records_gateway_cache_hits_total{provider="open-meteo",layer="memory"}"#)
            #expect(waited + hits == 99)
            #expect(waited > 0)
        }
    }

    @Test func replicasShareTheCacheInPostgreSQLAndItOutlivesARestart() async throws {
        let upstream = try FaultyUpstream()
        let clock = TestClock()
        try await TestDatabase.withFresh { database in
            let uri = Self.forecastPath + "?" + Self.paris
            let place = GatewayUpstream.geocoding.prefix + "/v1/search?name=Paris&count=1&language=en&format=json"
            try await Self.withGateway(upstream.settings(), clock: clock, database: database) {
                client, _ async throws in
                #expect(try await Self.get(client, uri).headers[.cacheStatus] == "meteo-records; fwd=uri-miss; stored")
                #expect(try await Self.get(client, place).status == 200)
            }
            // A second replica, its memory empty: its first request is a hit from PostgreSQL.
            try await Self.withGateway(upstream.settings(), clock: clock, database: database) {
                client, _ async throws in
                let second = try await Self.get(client, uri)
                #expect(second.headers[.cacheStatus] == "meteo-records; hit; ttl=600")
                #expect(
                    try await Self.metric(
                        client, #"meteo_records_gateway_cache_hits_total{provider="open-meteo",layer="database"}"#) == 1
                )
            }
            // The upstream gone and the clock a day on: a replica started now still answers, a place search
            // from its day-long freshness and the forecast stale.
            clock.advance(3600)
            try await Self.withGateway(FaultyUpstream.downSettings(), clock: clock, database: database) {
                client, _ async throws in
                let forecast = try await Self.get(client, uri)
                #expect(forecast.status == 200)
                #expect(forecast.headers[.cacheStatus]?.hasSuffix("detail=stale-if-error") == true)
                #expect(try await Self.get(client, place).headers[.cacheStatus] == "meteo-records; hit; ttl=82800")
            }
            #expect(upstream.count("/v1/forecast") == 1)
            #expect(upstream.count("/v1/search") == 1)
        }
    }

    @Test func theSharedCacheKeepsItsBoundsEvictingTheLeastRecentlyUsed() async throws {
        try await TestDatabase.withFresh { database in
            let cache = SharedCache(client: database, logger: TestDatabase.logger, maxRows: 3, maxBytes: 10_000)
            // Whole seconds: PostgreSQL keeps microseconds.
            let fetched = Date(timeIntervalSince1970: 1_796_000_000)
            let entry = GatewayEntry(
                body: ByteBuffer(bytes: [UInt8](repeating: 32, count: 1000)), contentType: "application/json",
                fetchedAt: fetched)
            for name in ["a", "b", "c"] { try await cache.put(name, upstream: "forecast", entry) }
            _ = try await cache.get("a")
            try await cache.put("d", upstream: "forecast", entry)
            #expect(try await cache.get("b") == nil)
            for name in ["a", "c", "d"] { #expect(try await cache.get(name) == entry) }
            // Bytes: five answers of 3 kB do not fit in 10 kB.
            let large = SharedCache(client: database, logger: TestDatabase.logger, maxRows: 100, maxBytes: 10_000)
            let big = GatewayEntry(
                body: ByteBuffer(bytes: [UInt8](repeating: 32, count: 3000)), contentType: "application/json",
                fetchedAt: fetched)
            for name in ["e", "f", "g", "h", "i"] { try await large.put(name, upstream: "forecast", big) }
            var total = 0
            for try await bytes in try await database.query("SELECT sum(bytes)::int FROM gateway_cache").decode(
                Int.self)
            {
                total = bytes
            }
            #expect(total <= 10_000)
            #expect(try await large.get("i") == big)
            #expect(try await large.get("e") == nil)
        }
    }

    @Test func theMemoryLayerKeepsItsBoundsEvictingTheLeastRecentlyUsed() {
        let memory = MemoryCache(maxEntries: 3, maxBytes: 100_000)
        let entry = GatewayEntry(
            body: ByteBuffer(bytes: [1, 2, 3]), contentType: "application/json", fetchedAt: Date())
        for name in ["a", "b", "c"] { memory.put(name, entry) }
        _ = memory.get("a")
        memory.put("d", entry)
        #expect(memory.get("b") == nil)
        #expect(memory.get("a") != nil && memory.get("c") != nil && memory.get("d") != nil)
        let small = MemoryCache(maxEntries: 100, maxBytes: 2_500)
        for name in ["e", "f", "g"] {
            small.put(
                name,
                GatewayEntry(
                    body: ByteBuffer(bytes: Array(repeating: 0, count: 1000)), contentType: "x", fetchedAt: Date()))
        }
        #expect(small.bytes <= 2_500)
        #expect(small.get("e") == nil && small.get("g") != nil)
    }

    @Test func theOpenWeatherMapKeyStaysInTheService() async throws {
        let key = "SeCrEtKeY0123456789"
        let upstream = try FaultyUpstream(validKeys: [key])
        var settings = upstream.settings()
        settings.openWeatherMapKey = key
        let log = CapturedLog()
        let logger = Logger(label: "gateway") { _ in log }
        try await Self.withGateway(settings, logger: logger) { client, _ in
            let base = GatewayUpstream.openWeatherMap.prefix
            var seen: [[UInt8]] = []
            // A client's own key is dropped, never forwarded: the service's is used.
            let weather = try await Self.get(
                client, base + "/data/2.5/weather?lat=48.8589&lon=2.32&units=metric&lang=en&appid=the-clients-key")
            #expect(weather.status == 200)
            #expect(weather.body == (try Self.fixture("owm/weather-48.8589_2.32.json")))
            #expect(upstream.server.requests.last?.query["appid"] == key)
            seen.append(weather.body)
            // A 404 in OpenWeatherMap's shape, a search, faults: none says the key.
            let missing = try await Self.get(client, base + "/data/2.5/weather?lat=1&lon=1")
            #expect(missing.status == 404)
            seen.append(missing.body)
            seen.append(try await Self.get(client, base + "/geo/1.0/direct?q=Paris&limit=5").body)
            for fault in FaultyUpstream.Fault.allCases where fault != .slow {
                upstream.inject(fault)
                let answer = try await Self.get(
                    client, base + "/data/2.5/air_pollution?lat=3&lon=\(fault.rawValue.count)")
                seen.append(answer.body)
                seen.append(Array(answer.headers.map { "\($0.name): \($0.value)" }.joined().utf8))
            }
            upstream.inject(nil)
            seen.append(try await Self.get(client, RecordPaths.metrics, token: nil).body)
            for body in seen { #expect(!String(decoding: body, as: UTF8.self).contains(key)) }
        }
        #expect(log.text.contains("upstream failed"))
        #expect(!log.text.contains(key))
    }

    @Test func withoutATokenNothingIsFetched() async throws {
        let upstream = try FaultyUpstream()
        try await Self.withGateway(upstream.settings()) { client, _ async throws in
            #expect(try await Self.get(client, Self.forecastPath + "?" + Self.paris, token: nil).status == 401)
            #expect(try await Self.get(client, Self.forecastPath + "?" + Self.paris, token: "mr_nobody").status == 401)
            #expect(upstream.server.requests.isEmpty)
        }
    }

    @Test func badQueriesAreRefusedWithoutAskingTheProvider() async throws {
        let upstream = try FaultyUpstream()
        var settings = upstream.settings()
        settings.openWeatherMapKey = nil
        try await Self.withGateway(settings) { client, _ in
            for query in ["latitude=91&longitude=2", "latitude=abc&longitude=2", "latitude=1&latitude=2", "a%zz=1"] {
                let answer = try await Self.get(client, Self.forecastPath + "?" + query)
                #expect(answer.status == 400, "\(query)")
            }
            #expect(try await Self.get(client, GatewayUpstream.geocoding.prefix + "/v1/search?count=1").status == 400)
            #expect(try await Self.get(client, RecordPaths.gateway + "/forecast/v1/elsewhere").status == 404)
            let owm = try await Self.get(
                client, GatewayUpstream.openWeatherMap.prefix + "/data/2.5/weather?lat=1&lon=2")
            #expect(owm.status == 503)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(owm.body)).error.code == "not_configured")
            #expect(upstream.server.requests.isEmpty)
        }
    }

    @Test func eachProvidersBudgetBoundsTheUpstreamRequests() async throws {
        let upstream = try FaultyUpstream()
        var settings = upstream.settings()
        settings.budgetPerMinute["open-meteo"] = 2
        try await Self.withGateway(settings) { client, _ in
            for latitude in [10, 11] {
                #expect(
                    try await Self.get(client, Self.forecastPath + "?latitude=\(latitude)&longitude=1").status == 200)
            }
            let third = try await Self.get(client, Self.forecastPath + "?latitude=12&longitude=1")
            #expect(third.status == 503)
            #expect(Int(third.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(upstream.count("/v1/forecast") == 2)
            // What is kept is still served.
            #expect(try await Self.get(client, Self.forecastPath + "?latitude=10&longitude=1").status == 200)
        }
    }

    @Test func anAnswerOverTheSizeCapIsRefused() async throws {
        let upstream = try FaultyUpstream()
        var settings = upstream.settings()
        settings.maxResponseBytes = 1024
        try await Self.withGateway(settings) { client, _ async throws in
            let answer = try await Self.get(client, Self.forecastPath + "?" + Self.paris)
            #expect(answer.status == 502)
            #expect(String(decoding: answer.body, as: UTF8.self).contains("too_large"))
            let places = try await Self.get(client, GatewayUpstream.geocoding.prefix + "/v1/search?name=Nowhere")
            #expect(places.status == 200)
        }
    }

    @Test func clientsShareTheRecordsRateLimitPerToken() async throws {
        let upstream = try FaultyUpstream()
        try await Self.withGateway(upstream.settings(), limits: RecordRouteTests.limits(ratePerMinute: 2)) {
            client, _ async throws in
            #expect(try await Self.get(client, Self.forecastPath + "?" + Self.paris).status == 200)
            #expect(try await Self.get(client, RecordPaths.records).status == 200)
            let third = try await Self.get(client, Self.forecastPath + "?" + Self.paris)
            #expect(third.status == 429)
            #expect(third.headers[.retryAfter] != nil)
        }
    }

    @Test func readinessDoesNotDependOnTheProviders() async throws {
        try await Self.withGateway(FaultyUpstream.downSettings()) { client, _ async throws in
            #expect(try await Self.get(client, RecordPaths.ready, token: nil).status == 200)
            #expect(try await Self.get(client, Self.forecastPath + "?" + Self.paris).status == 502)
        }
    }
}

@Suite struct BearerTokenTests {
    @Test(arguments: [
        ("Bearer mr_abc", "mr_abc"), ("bearer mr_abc", "mr_abc"), ("BEARER \tmr_abc  ", "mr_abc"),
        ("  Bearer mr_abc", "mr_abc"),
    ])
    func theTokenIsReadWhateverTheSchemesCase(header: String, token: String) {
        #expect(TokenAuthenticator<MemoryTokens>.bearerToken(header) == token)
    }

    @Test(arguments: [
        "Basic abc", "Bearer", "Bearer ", "Bearermr_abc", "Bearxr abc", "",
        "Bearer " + String(repeating: "a", count: 201),
    ])
    func anythingElseIsNoToken(header: String) {
        #expect(TokenAuthenticator<MemoryTokens>.bearerToken(header) == nil)
    }
}

/// A token lookup that counts what it is asked.
final class CountingTokens: TokenLookup {
    let users: [String: Int64]
    private let asked = Mutex(0)

    init(_ tokens: [String: Int64]) {
        users = Dictionary(uniqueKeysWithValues: tokens.map { (TokenStore.hash($0.key), $0.value) })
    }

    var count: Int { asked.withLock { $0 } }

    func user(forHash hash: String) async throws -> Int64? {
        asked.withLock { $0 += 1 }
        return users[hash]
    }
}

@Suite struct RememberedTokensTests {
    @Test func aLiveTokenIsRememberedForItsTimeAndAnUnknownOneNever() async throws {
        let base = CountingTokens(["mr_ann": 1])
        let tokens = RememberedTokens(base, ttl: .seconds(60))
        let ann = TokenStore.hash("mr_ann")
        #expect(tokens.remembered(ann) == nil)
        #expect(try await tokens.user(forHash: ann) == 1)
        #expect(tokens.remembered(ann) == 1)
        #expect(try await tokens.user(forHash: ann) == 1)
        #expect(base.count == 1)
        let stranger = TokenStore.hash("mr_nobody")
        #expect(try await tokens.user(forHash: stranger) == nil)
        #expect(try await tokens.user(forHash: stranger) == nil)
        #expect(base.count == 3)

        // Past its time, the token is asked for again (a revocation takes effect).
        let brief = RememberedTokens(base, ttl: .milliseconds(1))
        #expect(try await brief.user(forHash: ann) == 1)
        try await Task.sleep(for: .milliseconds(50))
        #expect(brief.remembered(ann) == nil)
        #expect(try await brief.user(forHash: ann) == 1)
        #expect(base.count == 5)
    }
}

@Suite struct GatewayQueryTests {
    @Test func nearIdenticalRequestsShareAKeyAndDifferentOnesDoNot() throws {
        func key(_ query: String, _ upstream: GatewayUpstream = .forecast, path: String = "/v1/forecast") throws
            -> String
        {
            try GatewayQuery.parse(upstream: upstream, path: path, query: query).key
        }
        let base = try key("latitude=48.8534&longitude=2.3488&hourly=a,b&units=metric")
        #expect(try key("units=metric&hourly=b,a&longitude=2.3491&latitude=48.8512") == base)
        #expect(try key("latitude=48.8534&longitude=2.3488&hourly=a,b&units=imperial") != base)
        #expect(try key("latitude=48.8634&longitude=2.3488&hourly=a,b&units=metric") != base)
        #expect(try key("latitude=48.8534&longitude=2.3488&hourly=a,b&units=metric&language=fr") != base)
        #expect(try key("latitude=-0.001&longitude=0.004") == "forecast /v1/forecast?latitude=0.00&longitude=0.00")
        #expect(
            try key("latitude=52.52,48.8534&longitude=13.41,2.3488")
                == "forecast /v1/forecast?latitude=52.52,48.85&longitude=13.41,2.35")
        #expect(try key("latitude=-33.866&longitude=151.2") == "forecast /v1/forecast?latitude=-33.87&longitude=151.20")
        // A place name: spaces and case do not matter; a client's key is never part of it.
        let search = try key("name=New%20York&count=1", .geocoding, path: "/v1/search")
        #expect(try key("count=1&name=++new+york+", .geocoding, path: "/v1/search") == search)
        let owm = try key("lat=1&lon=2&appid=mine", .openWeatherMap, path: "/data/2.5/weather")
        #expect(owm == (try key("lat=1&lon=2", .openWeatherMap, path: "/data/2.5/weather")))
        #expect(!owm.contains("mine"))
    }

    @Test func whatIsSentUpstreamIsTheClientsOwnValuesWithoutSecrets() throws {
        let query = try GatewayQuery.parse(
            upstream: .openWeatherMap, path: "/data/2.5/weather", query: "lat=48.8589&lon=2.32&APPID=x&lang=fr")
        #expect(query.parameters.map { "\($0.name)=\($0.value)" } == ["lat=48.8589", "lon=2.32", "lang=fr"])
        #expect(!query.isPlaceSearch)
        #expect(try GatewayQuery.parse(upstream: .geocoding, path: "/v1/search", query: "name=Paris").isPlaceSearch)
    }

    @Test(arguments: [
        ("latitude=91", GatewayQueryError.badValue("latitude")), ("longitude=nan", .badValue("longitude")),
        ("latitude=1e400", .badValue("latitude")), ("a=1&a=2", .repeated("a")), ("na%me=1", .badName),
        ("x=%ff", .badValue("x")), ("x=a%0Ab", .badValue("x")), ("x=%4", .badValue("x")),
    ])
    func hostileQueriesAreRefusedByName(query: String, error: GatewayQueryError) {
        #expect(throws: error) { try GatewayQuery.parse(upstream: .forecast, path: "/v1/forecast", query: query) }
    }

    @Test func longQueriesAreRefused() {
        #expect(throws: GatewayQueryError.tooLong) {
            try GatewayQuery.parse(
                upstream: .forecast, path: "/v1/forecast", query: String(repeating: "a=1&", count: 1100))
        }
        let many = (0..<41).map { "p\($0)=1" }.joined(separator: "&")
        #expect(throws: GatewayQueryError.tooLong) {
            try GatewayQuery.parse(upstream: .forecast, path: "/v1/forecast", query: many)
        }
    }

    @Test func onlyTheUpstreamsOwnPathsAreServed() {
        #expect(throws: GatewayQueryError.unknownPath) {
            try GatewayQuery.parse(upstream: .forecast, path: "/v1/search", query: "name=x")
        }
        #expect(throws: GatewayQueryError.missing("q")) {
            try GatewayQuery.parse(upstream: .openWeatherMap, path: "/geo/1.0/direct", query: "limit=5")
        }
        #expect(throws: GatewayQueryError.missing("longitude")) {
            try GatewayQuery.parse(upstream: .airQuality, path: "/v1/air-quality", query: "latitude=5")
        }
    }
}
