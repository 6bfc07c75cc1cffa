public import RecordAPI
public import RecordStore
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Where the record service is and who we are there.
public struct SyncEndpoint: Sendable, Equatable {
    /// The service's base URL, without a trailing slash.
    public var baseURL: String
    public var token: String

    public init(baseURL: String, token: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
    }

    /// Names the account in the local store without keeping the token there: a change of service or token
    /// starts the sync over. FNV-1a: a fingerprint, not a secret.
    public var account: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return baseURL + " " + String(hash, radix: 16)
    }

    /// Whether `url` may carry a token: https, or plain http to this machine only.
    public static func isSafe(_ url: String) -> Bool {
        if url.hasPrefix("https://") { return url.count > "https://".count }
        guard url.hasPrefix("http://") else { return false }
        let rest = url.dropFirst("http://".count)
        let hostPort = rest.prefix { $0 != "/" }
        let host: Substring
        if hostPort.hasPrefix("[") {
            host = hostPort.prefix { $0 != "]" }.dropFirst()
        } else {
            host = hostPort.prefix { $0 != ":" }
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let loopbackV4 = octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        return host == "localhost" || host == "::1" || loopbackV4
    }
}

/// What a sync did.
public struct SyncSummary: Sendable, Equatable {
    public var pushed = 0
    public var pulled = 0
    public var applied = AppliedSync()
    /// Local records set aside because the service could never accept them.
    public var setAside = 0
    public var requests = 0

    public init() {}
}

/// Why a sync stopped; every case is one line for the person.
public enum SyncError: Error, Sendable, Equatable, UserFacingError {
    case notConfigured
    /// Plain http to another machine, without `--allow-insecure`: the token would travel in clear.
    case insecureURL(String)
    case unreachable(url: String, cause: HTTPError)
    case rejectedToken(url: String)
    /// The service answers but not with this version of the sync API.
    case incompatible(url: String, status: Int)
    case serverFailed(url: String, status: Int)
    case refused(url: String, message: String)
    case invalidResponse(url: String)
    case store(RecordStoreError)

    public func message(_ labels: Labels) -> String {
        switch self {
        case .notConfigured: labels.say(.syncNotSetUp)
        case .insecureURL(let url): labels.say(.insecureURL, ["url": url])
        case .unreachable(let url, let cause):
            labels.say(.serviceUnreachable, ["url": url, "reason": RecordSyncer.reason(cause, labels)])
        case .rejectedToken(let url): labels.say(.tokenRejected, ["url": url])
        case .incompatible(let url, let status):
            labels.say(.serviceIncompatible, ["url": url, "status": String(status)])
        case .serverFailed(let url, let status): labels.say(.serviceFailed, ["url": url, "status": String(status)])
        case .refused(let url, let message): labels.say(.serviceRefused, ["url": url, "reason": message])
        case .invalidResponse(let url): labels.say(.serviceUnreadable, ["url": url])
        case .store(let error): error.message(labels)
        }
    }
}

extension SyncError {
    /// What a status says for good (no retry can help); `nil` for 2xx, 429, 5xx and the like.
    public static func final(_ response: HTTPResponse, url: String) -> SyncError? {
        switch response.status {
        case 401, 403: return .rejectedToken(url: url)
        case 404, 405, 410: return .incompatible(url: url, status: response.status)
        case 400, 409, 413, 415, 422:
            let message =
                (try? JSONDecoder().decode(ErrorBody.self, from: response.body)).map(\.error.message)
                ?? "HTTP \(response.status)"
            return .refused(url: url, message: message)
        default: return nil
        }
    }
}

/// The client half of sync: push local changes in batches, pull the service's changes after the cursor, until
/// both are empty. Offline first: nothing here is needed to record, delete or browse.
///
/// A crash between sending a batch and marking it sent is harmless: the batch is sent again and the service
/// answers `unchanged`. Network errors, 5xx and 429 are retried with exponential backoff and full jitter,
/// honouring `Retry-After`.
public struct RecordSyncer: Sendable {
    public let store: any SyncStore
    public let http: any HTTPClient
    public let endpoint: SyncEndpoint
    public var batchSize = SyncRequest.maxChanges
    public var maxAttempts = 5
    /// The first retry's upper bound; each later one doubles, up to `maxDelay`.
    public var baseDelay: Duration = .milliseconds(250)
    public var maxDelay: Duration = .seconds(8)

    public init(store: any SyncStore, http: any HTTPClient, endpoint: SyncEndpoint) {
        self.store = store
        self.http = http
        self.endpoint = endpoint
    }

    /// Syncs until nothing is left to push and the service says nothing more waits.
    public func run(now: @Sendable () -> Date = Date.init) async throws(SyncError) -> SyncSummary {
        var summary = SyncSummary()
        var (device, cursor) = try storeCall { () throws(RecordStoreError) in
            try store.beginSync(account: endpoint.account)
        }
        // A large backlog goes up two batches at a time, push only: the service works on one while it reads
        // the other, and this store prepares the next meanwhile. The last batch travels with the pulls below.
        while true {
            let (pending, setAside) = try storeCall { () throws(RecordStoreError) in
                try store.pendingChanges(limit: batchSize * 2, sendable: Self.sendable)
            }
            summary.setAside += setAside
            guard pending.count > batchSize else { break }
            let batches = [Array(pending.prefix(batchSize)), Array(pending.dropFirst(batchSize))]
            let requests = batches.map {
                SyncRequest(changes: $0.map(\.wire), cursor: cursor, limit: 0, device: device)
            }
            async let first = sendResult(requests[0])
            async let second = sendResult(requests[1])
            for (batch, result) in zip(batches, await [first, second]) {
                let response = try result.get()
                summary.requests += 1
                guard response.results.count == batch.count else { throw .invalidResponse(url: endpoint.baseURL) }
                let applied = try storeCall { () throws(RecordStoreError) in
                    try store.applySync(sent: batch, results: response.results, pulled: [], cursor: nil, now: now())
                }
                summary.pushed += batch.count
                summary.applied.deleted += applied.deleted
                summary.applied.refused += applied.refused
            }
        }
        var idleRounds = 0
        while true {
            let (pending, setAside) = try storeCall { () throws(RecordStoreError) in
                try store.pendingChanges(limit: batchSize, sendable: Self.sendable)
            }
            summary.setAside += setAside
            let request = SyncRequest(
                changes: pending.map(\.wire), cursor: cursor, limit: SyncRequest.maxChanges, device: device)
            let response = try await send(request)
            summary.requests += 1
            guard response.results.count == pending.count else { throw .invalidResponse(url: endpoint.baseURL) }
            let applied = try storeCall { () throws(RecordStoreError) in
                try store.applySync(
                    sent: pending, results: response.results, pulled: response.changes.compactMap(\.remote),
                    cursor: response.cursor,
                    now: now())
            }
            summary.pushed += pending.count
            summary.pulled += response.changes.count
            summary.applied.added += applied.added
            summary.applied.deleted += applied.deleted
            summary.applied.refused += applied.refused
            cursor = response.cursor
            if pending.isEmpty && !response.more { return summary }
            if pending.isEmpty && response.changes.isEmpty {
                // Changes committed on the service behind a transaction still running: final in a moment.
                idleRounds += 1
                if idleRounds > 20 { return summary }
                try? await Task.sleep(for: .milliseconds(50))
            } else {
                idleRounds = 0
            }
        }
    }

    /// Whether the service could ever accept `record` (set aside for good when not).
    static func sendable(_ record: WeatherRecord) -> Bool { record.wire.problems().isEmpty }

    private func storeCall<T>(_ body: () throws(RecordStoreError) -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw .store(error)
        }
    }

    private func sendResult(_ body: SyncRequest) async -> Result<SyncResponse, SyncError> {
        do throws(SyncError) {
            return .success(try await send(body))
        } catch {
            return .failure(error)
        }
    }

    /// One request, retried on what may pass.
    private func send(_ body: SyncRequest) async throws(SyncError) -> SyncResponse {
        let encoded = Data(body.json.utf8)
        let request = HTTPRequest(
            method: "POST", url: endpoint.baseURL + RecordPaths.sync,
            headers: [
                "Authorization": "Bearer \(endpoint.token)", "Content-Type": "application/json",
                "Accept": "application/json",
            ], body: encoded)
        var attempt = 0
        while true {
            attempt += 1
            var retryAfter: Int?
            let failure: SyncError
            let response: HTTPResponse
            do throws(HTTPError) {
                response = try await http.send(request)
            } catch {
                failure = .unreachable(url: endpoint.baseURL, cause: error)
                if case .cancelled = error { throw failure }
                guard attempt < maxAttempts else { throw failure }
                try? await Task.sleep(for: delay(attempt: attempt, retryAfter: nil))
                continue
            }
            if let refusal = SyncError.final(response, url: endpoint.baseURL) { throw refusal }
            switch response.status {
            case 200:
                guard let decoded = try? JSONDecoder().decode(SyncResponse.self, from: response.body) else {
                    throw .invalidResponse(url: endpoint.baseURL)
                }
                return decoded
            default:
                retryAfter = response.retryAfterSeconds
                failure = .serverFailed(url: endpoint.baseURL, status: response.status)
            }
            guard attempt < maxAttempts else { throw failure }
            try? await Task.sleep(for: delay(attempt: attempt, retryAfter: retryAfter))
            if Task.isCancelled { throw failure }
        }
    }

    /// Why the service could not be reached, in a few words.
    public static func reason(_ error: HTTPError, _ labels: Labels) -> String {
        switch error {
        case .dnsFailure: labels.say(.whyUnknownHost)
        case .connectionRefused: labels.say(.whyRefused)
        case .timeout(let seconds): labels.say(.whyTimeout, ["n": String(Int(min(seconds, 1e6).rounded(.up)))])
        case .connectionClosed: labels.say(.whyClosed)
        case .tls: labels.say(.whyCertificate)
        case .responseTooLarge: labels.say(.whyTooLarge)
        case .badRedirect: labels.say(.whyRedirect)
        case .invalidURL: labels.say(.whyURL)
        case .libraryMissing: labels.say(.whyNoLibcurl)
        case .cancelled: labels.say(.whyCancelled)
        case .transport: labels.say(.whyNetwork)
        }
    }

    /// Full jitter: a random wait up to base × 2^(attempt-1), capped; `Retry-After` when the service asks.
    func delay(attempt: Int, retryAfter: Int?) -> Duration {
        if let retryAfter { return .seconds(min(retryAfter, 60)) }
        let cap = min(maxDelay, baseDelay * (1 << min(attempt - 1, 16)))
        let millis = Int64(cap.components.seconds * 1000 + cap.components.attoseconds / 1_000_000_000_000_000)
        return .milliseconds(Int64.random(in: 0...max(1, millis)))
    }
}
