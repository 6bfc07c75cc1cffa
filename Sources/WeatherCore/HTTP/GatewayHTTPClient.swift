import Synchronization
import TextFormats

/// How meteo-records' cache answered one request through its weather gateway (its `Cache-Status` and `Age`).
public struct GatewayCacheOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Kept and fresh.
        case hit
        /// Kept, past its freshness: served while a new one is fetched, or because the provider failed.
        case stale
        /// Fetched from the provider for this request.
        case miss
    }

    public var kind: Kind
    /// Seconds since the service fetched the answer, for a kept one.
    public var ageSeconds: Int?

    public init(kind: Kind, ageSeconds: Int? = nil) {
        self.kind = kind
        self.ageSeconds = ageSeconds
    }

    /// Reads RFC 9211's `Cache-Status` (`meteo-records; hit; ttl=-30; fwd=stale`) and `Age`; `nil` without a
    /// `Cache-Status`.
    public init?(cacheStatus: String?, age: String?) {
        guard let cacheStatus, !cacheStatus.isEmpty else { return nil }
        // The last member is the cache nearest the client: ours, whatever sits in front of it.
        let member = cacheStatus.split(separator: ",").last ?? ""
        let parameters = member.split(separator: ";").map { $0.trimmedWhitespace() }
        guard parameters.contains("hit") else {
            self.init(kind: .miss)
            return
        }
        let ttl = parameters.first { $0.hasPrefix("ttl=") }.flatMap { Int($0.dropFirst(4)) }
        let seconds = age.flatMap { Int($0.trimmedWhitespace()) }.flatMap { $0 >= 0 ? $0 : nil }
        self.init(kind: (ttl ?? 0) < 0 ? .stale : .hit, ageSeconds: seconds)
    }
}

/// Sends the weather requests through meteo-records' gateway: adds the bearer token to requests for the service
/// (and only to them: a provider's own URL never sees it), and remembers how the service's cache answered.
public final class GatewayHTTPClient: HTTPClient {
    /// The service's base URL, without a trailing slash.
    public let serviceURL: String
    private let token: String
    private let http: any HTTPClient
    private let outcomes = Mutex<[String: GatewayCacheOutcome]>([:])

    public init(serviceURL: String, token: String, http: any HTTPClient) {
        var base = serviceURL
        while base.hasSuffix("/") { base.removeLast() }
        self.serviceURL = base
        self.token = token
        self.http = http
    }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        guard request.url.hasPrefix(serviceURL + "/") else { return try await http.send(request) }
        var request = request
        request.headers["Authorization"] = "Bearer " + token
        let response = try await http.send(request)
        let path = String(request.url.dropFirst(serviceURL.count).prefix { $0 != "?" })
        if let outcome = GatewayCacheOutcome(
            cacheStatus: response.headers["cache-status"], age: response.headers["age"])
        {
            outcomes.withLock { $0[path] = outcome }
        }
        return response
    }

    /// How the service's cache answered the last request for `path` (`/v1/gateway/forecast/v1/forecast`).
    public func outcome(path: String) -> GatewayCacheOutcome? {
        outcomes.withLock { $0[path] }
    }
}
