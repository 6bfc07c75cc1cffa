import Foundation
import Logging
import NIOCore
import RecordAPI
import Synchronization
import TextFormats
import WeatherCore

/// What the gateway answers one client request.
struct GatewayAnswer: Sendable {
    var status: Int
    var body: ByteBuffer
    var contentType = "application/json"
    /// RFC 9211 `Cache-Status`: how the cache dealt with the request.
    var cacheStatus: String
    /// Seconds since the answer was fetched, for an answer from the cache (`Age`).
    var age: Int?
    var retryAfter: Int?
}

/// The weather gateway: answers from the replica's memory, else from the cache the replicas share, else from
/// the upstream, asked once however many clients wait for the same key; stale answers while a fresh one is
/// fetched or when the upstream fails; each provider's budget and its `Retry-After` kept.
final class Gateway: Sendable {
    let settings: GatewaySettings
    let http: any HTTPClient
    let shared: SharedCache?
    let memory: MemoryCache
    let metrics: ServiceMetrics
    let logger: Logger
    let deadlines: DeadlineWatch
    let databaseTimeout: Duration
    let now: @Sendable () -> Date
    private let budgets: [String: RateLimiter]
    private let state = Mutex(State())

    /// How a fetch ended, for everyone who waited on it.
    enum Fetched: Sendable {
        case stored(GatewayEntry)
        /// An upstream 4xx (a bad parameter, an unknown city): its status and body, not kept.
        case passed(status: Int, body: ByteBuffer, contentType: String)
        case failed(Failure)
    }

    enum Failure: Sendable, Equatable {
        case timeout
        /// The upstream failed (`status` when it answered at all); `reason` is a metric label.
        case upstream(reason: String, status: Int?)
        /// The provider said to wait (429), or this replica's budget for it is spent.
        case busy(retryAfter: Int)
        case unconfigured
    }

    private struct State {
        var inflight: [String: (id: UInt64, task: Task<Fetched, Never>)] = [:]
        var nextID: UInt64 = 0
        /// When revalidating a key last failed: a stale answer is not refreshed again for `retryPause`, so that
        /// a hot key does not send a request upstream after each failure while the provider is down.
        var failedAt: [String: ContinuousClock.Instant] = [:]
        /// Until when a provider's `Retry-After` holds.
        var blockedUntil: [String: Date] = [:]
    }

    static let name = "meteo-records"
    /// How long a key whose refresh failed is left stale before it is asked again in the background.
    static let retryPause = Duration.seconds(10)

    init(
        settings: GatewaySettings, http: any HTTPClient, shared: SharedCache?, metrics: ServiceMetrics, logger: Logger,
        deadlines: DeadlineWatch, databaseTimeout: Duration, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.http = http
        self.shared = shared
        self.memory = MemoryCache(maxEntries: settings.memoryEntries, maxBytes: settings.memoryBytes)
        self.metrics = metrics
        self.logger = logger
        self.deadlines = deadlines
        self.databaseTimeout = databaseTimeout
        self.now = now
        self.budgets = settings.budgetPerMinute.mapValues { RateLimiter(perMinute: $0) }
    }

    /// The answer to `query`.
    func answer(_ query: GatewayQuery) async -> GatewayAnswer {
        let provider = query.upstream.provider
        let cached = await lookup(query)
        let ttl = settings.ttl(query)
        let age = cached.map { max(0, now().timeIntervalSince($0.fetchedAt)) } ?? 0
        let ttlSeconds = Double(ttl.components.seconds)
        // Seconds of freshness left; negative once stale.
        let left = Int((ttlSeconds - age).rounded(.down))
        if let cached {
            if age < ttlSeconds {
                return Self.cached(cached, age: age, status: "\(Self.name); hit; ttl=\(left)")
            }
            if age < ttlSeconds + Double(settings.staleWhileRevalidate.components.seconds) {
                metrics.gateway("stale_served", provider: provider, ("reason", "revalidating"))
                if !failedRecently(query.key) { _ = fetch(query) }
                return Self.cached(
                    cached, age: age, status: "\(Self.name); hit; ttl=\(left); fwd=stale; detail=stale-while-revalidate"
                )
            }
        } else {
            metrics.gateway("cache_misses", provider: provider)
        }
        let (task, joined) = fetch(query)
        if joined { metrics.gateway("coalesced_waits", provider: provider) }
        let forward = cached == nil ? "uri-miss" : "stale"
        switch await task.value {
        case .stored(let entry):
            return GatewayAnswer(
                status: 200, body: entry.body, contentType: entry.contentType,
                cacheStatus: "\(Self.name); fwd=\(forward); stored")
        case .passed(let status, let body, let contentType):
            return GatewayAnswer(
                status: status, body: body, contentType: contentType, cacheStatus: "\(Self.name); fwd=\(forward)")
        case .failed(let failure):
            if let cached, age < ttlSeconds + Double(settings.staleIfError.components.seconds) {
                metrics.gateway("stale_served", provider: provider, ("reason", "upstream_error"))
                return Self.cached(
                    cached, age: age,
                    status:
                        "\(Self.name); hit; ttl=\(left); fwd=stale\(Self.forwardStatus(failure)); detail=stale-if-error"
                )
            }
            return Self.error(failure, provider: query.upstream, forward: forward)
        }
    }

    /// Waits for every fetch under way (tests, and a drain before shutdown).
    func settle() async {
        while true {
            let tasks = state.withLock { $0.inflight.values.map(\.task) }
            if tasks.isEmpty { return }
            for task in tasks { _ = await task.value }
        }
    }

    /// The kept answer for `query`: memory first, then the shared cache (whose hit is copied to memory).
    private func lookup(_ query: GatewayQuery) async -> GatewayEntry? {
        let provider = query.upstream.provider
        if let (entry, touch) = memory.get(query.key) {
            metrics.gateway("cache_hits", provider: provider, ("layer", "memory"))
            if touch, let shared {
                let key = query.key
                Task.detached { [self] in
                    _ = try? await withDeadline(databaseTimeout, watch: deadlines) { try await shared.touch(key) }
                }
            }
            return entry
        }
        guard let shared else { return nil }
        do {
            let key = query.key
            guard let entry = try await withDeadline(databaseTimeout, watch: deadlines, { try await shared.get(key) })
            else { return nil }
            metrics.gateway("cache_hits", provider: provider, ("layer", "database"))
            memory.put(query.key, entry)
            return entry
        } catch {
            // The shared cache is an optimisation: without it the gateway still answers.
            logger.warning("gateway cache unreadable", metadata: ["error": "\(type(of: error))"])
            return nil
        }
    }

    /// Whether refreshing `key` failed less than `retryPause` ago.
    private func failedRecently(_ key: String) -> Bool {
        state.withLock { state in state.failedAt[key].map { ContinuousClock.now - $0 < Self.retryPause } ?? false }
    }

    /// The fetch of `query` under way, or a new one; `joined` is true when another request had started it.
    @discardableResult
    private func fetch(_ query: GatewayQuery) -> (task: Task<Fetched, Never>, joined: Bool) {
        state.withLock { state in
            if let running = state.inflight[query.key] { return (running.task, true) }
            state.nextID += 1
            let id = state.nextID
            // Detached: the fetch outlives a client that hangs up, and carries no request's deadline.
            let task = Task.detached { [self] in
                let fetched = await fetchNow(query)
                self.state.withLock { state in
                    if state.inflight[query.key]?.id == id { state.inflight[query.key] = nil }
                    if case .failed = fetched {
                        if state.failedAt.count >= 10_000 { state.failedAt.removeAll(keepingCapacity: true) }
                        state.failedAt[query.key] = .now
                    } else {
                        state.failedAt[query.key] = nil
                    }
                }
                return fetched
            }
            state.inflight[query.key] = (id, task)
            return (task, false)
        }
    }

    /// Asks the upstream once and keeps a good answer in both layers.
    private func fetchNow(_ query: GatewayQuery) async -> Fetched {
        let provider = query.upstream.provider
        guard let base = settings.upstreams[query.upstream] else { return .failed(.unconfigured) }
        var items = query.parameters.map { ($0.name, $0.value) }
        if query.upstream == .openWeatherMap {
            guard let key = settings.openWeatherMapKey else { return .failed(.unconfigured) }
            items.append(("appid", key))
        }
        let started = now()
        if let until = state.withLock({ $0.blockedUntil[provider] }), until > started {
            metrics.gateway("upstream_errors", provider: provider, ("reason", "retry_after"))
            return .failed(.busy(retryAfter: max(1, Int(until.timeIntervalSince(started).rounded(.up)))))
        }
        if let wait = budgets[provider]?.take(provider) {
            metrics.gateway("upstream_errors", provider: provider, ("reason", "budget"))
            return .failed(.busy(retryAfter: wait))
        }
        let response: HTTPResponse
        do {
            response = try await http.send(
                HTTPRequest(
                    url: URLBuilder.url(base: base, path: query.path, query: items),
                    headers: ["Accept": "application/json"]))
        } catch {
            let reason: String
            switch error {
            case .timeout: reason = "timeout"
            case .responseTooLarge: reason = "too_large"
            case .connectionClosed: reason = "closed"
            case .connectionRefused, .dnsFailure: reason = "unreachable"
            default: reason = "transport"
            }
            metrics.gateway("upstream_requests", provider: provider, ("status", reason))
            return failed(provider, reason, status: nil)
        }
        metrics.gateway("upstream_requests", provider: provider, ("status", String(response.status)))
        return await receive(response, for: query, askedAt: started)
    }

    /// What the upstream's `response` to `query` becomes: a kept answer, a 4xx passed on, or a failure (a 429
    /// also holds the provider back until its `Retry-After`).
    private func receive(_ response: HTTPResponse, for query: GatewayQuery, askedAt started: Date) async -> Fetched {
        let provider = query.upstream.provider
        let contentType = Self.contentType(response.headers["content-type"])
        switch response.status {
        case 200:
            // A body that is not JSON is a failing upstream, never an answer to keep for ten minutes.
            guard JSONValue.parse(bytes: Array(response.body)) != nil else {
                return failed(provider, "malformed", status: 200)
            }
            let entry = GatewayEntry(body: ByteBuffer(bytes: response.body), contentType: contentType, fetchedAt: now())
            memory.put(query.key, entry)
            if let shared {
                let key = query.key
                do {
                    try await withDeadline(databaseTimeout, watch: deadlines) {
                        try await shared.put(key, upstream: query.upstream.rawValue, entry)
                    }
                } catch {
                    logger.warning("gateway cache unwritable", metadata: ["error": "\(type(of: error))"])
                }
            }
            return .stored(entry)
        case 429:
            let wait = min(max(response.retryAfterSeconds ?? 60, 1), 3600)
            state.withLock { $0.blockedUntil[provider] = started.addingTimeInterval(Double(wait)) }
            metrics.gateway("upstream_errors", provider: provider, ("reason", "rate_limited"))
            logger.warning("upstream rate limit", metadata: ["provider": "\(provider)", "retry_after": "\(wait)"])
            return .failed(.busy(retryAfter: wait))
        case 400..<500:
            // The request's own fault: the provider's answer, in its shape, unless it quotes the key.
            let body = Array(response.body)
            if let key = settings.openWeatherMapKey, body.count >= key.utf8.count,
                String(decoding: body, as: UTF8.self).contains(key)
            {
                return .failed(.upstream(reason: "status", status: response.status))
            }
            return .passed(status: response.status, body: ByteBuffer(bytes: body), contentType: contentType)
        default:
            return failed(provider, "status", status: response.status)
        }
    }

    /// Counts and logs a failing upstream by provider, reason and status (never its URL: it holds the key).
    private func failed(_ provider: String, _ reason: String, status: Int?) -> Fetched {
        metrics.gateway("upstream_errors", provider: provider, ("reason", reason))
        logger.warning(
            "upstream failed",
            metadata: [
                "provider": "\(provider)", "reason": "\(reason)", "status": "\(status.map(String.init) ?? "none")",
            ])
        return .failed(reason == "timeout" ? .timeout : .upstream(reason: reason, status: status))
    }

    /// The upstream's media type when it is a short, plain one; JSON otherwise (only JSON is kept).
    static func contentType(_ given: String?) -> String {
        guard let given, (1...100).contains(given.utf8.count),
            given.utf8.allSatisfy({ (0x20...0x7E).contains($0) })
        else { return "application/json" }
        return given
    }

    private static func cached(_ entry: GatewayEntry, age: Double, status: String) -> GatewayAnswer {
        GatewayAnswer(
            status: 200, body: entry.body, contentType: entry.contentType, cacheStatus: status,
            age: Int(min(age, 1e9)))
    }

    /// The status a failure is answered with when nothing is kept.
    static func errorStatus(_ failure: Failure) -> Int {
        switch failure {
        case .timeout: 504
        case .upstream: 502
        case .busy, .unconfigured: 503
        }
    }

    private static func error(_ failure: Failure, provider upstream: GatewayUpstream, forward: String)
        -> GatewayAnswer
    {
        let status = errorStatus(failure)
        let name = upstream.provider
        let (code, message, retry): (String, String, Int?) =
            switch failure {
            case .timeout: ("upstream_timeout", "\(name) did not answer in time", nil)
            case .upstream(_, let status?): ("upstream_failed", "\(name) answered \(status)", nil)
            case .upstream(let reason, nil): ("upstream_failed", "\(name) failed (\(reason))", nil)
            case .busy(let wait): ("upstream_busy", "\(name) asks to wait; nothing is kept for this request", wait)
            case .unconfigured: ("not_configured", "this service is not set up for \(name)", nil)
            }
        return GatewayAnswer(
            status: status, body: ByteBuffer(bytes: JSONResponse.encode(ErrorBody(code: code, message: message))),
            cacheStatus: "\(Self.name); fwd=\(forward)\(forwardStatus(failure))", retryAfter: retry)
    }

    /// `; fwd-status=N` when the upstream answered with a status.
    private static func forwardStatus(_ failure: Failure) -> String {
        switch failure {
        case .upstream(_, let status?): "; fwd-status=\(status)"
        case .busy: "; fwd-status=429"
        default: ""
        }
    }
}
