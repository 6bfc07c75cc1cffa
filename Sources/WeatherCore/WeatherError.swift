import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// An error that knows the one line to show a person.
public protocol UserFacingError: Error {
    /// What happened and what to do, in one line that fits a status bar.
    var userMessage: String { get }
}

/// Why a place or its weather could not be had.
public enum WeatherError: Error, Sendable, Hashable {
    /// `name`: the query's bare name, when its qualifiers ("Paris, XX") are what left nothing.
    case placeNotFound(query: String, name: String? = nil)
    /// The fresh answer failed (`reason`, its one line) and the last one, fetched at `fetchedAt`, no longer
    /// covers the present: it is not shown as the weather now.
    case outdated(fetchedAt: Date, reason: String)
    case missingAPIKey(ProviderID)
    case invalidAPIKey(ProviderID)
    case rateLimited(ProviderID, retryAfterSeconds: Int?)
    /// The provider answered with an error of its own; `reason` is its text, trimmed to one line.
    case providerError(ProviderID, status: Int, reason: String)
    /// The answer was not the JSON we expect; `detail` is for the log.
    case malformedResponse(ProviderID, detail: String)
    case network(HTTPError)
}

extension WeatherError: UserFacingError {
    public var userMessage: String {
        switch self {
        case .placeNotFound(let query, let name):
            let shown = TerminalText.quoted(query)
            // Searching the same words again would find nothing again: only the bare name can show more.
            guard let name, name != query else { return "No place called \(shown). Check the spelling." }
            return "No place called \(shown). `meteo search \(ShellWord.quoted(name))` lists every place of that name."
        case .missingAPIKey(let provider):
            return "\(provider.displayName) needs an API key. Set METEO_OWM_API_KEY or owm_api_key in config.toml."
        case .invalidAPIKey(let provider):
            return "\(provider.displayName) rejected the API key. Check METEO_OWM_API_KEY or owm_api_key."
        case .rateLimited(let provider, let wait):
            let when = wait.map { "retry in \(DurationText.short(seconds: $0))" } ?? "try again later"
            return "\(provider.displayName) is rate limiting requests: \(when)."
        case .providerError(let provider, let status, let reason):
            let code = status == 200 ? "" : " (HTTP \(status))"
            return "\(provider.displayName) reported an error\(code): \(reason)"
        case .malformedResponse(let provider, _):
            return "\(provider.displayName) sent an answer meteo cannot read. Try again later."
        case .network(let error):
            return error.userMessage
        case .outdated(let fetchedAt, let reason):
            let age = DurationText.short(
                seconds: StaleText(fetchedAt: fetchedAt, now: Date(), localOffset: 0).ageSeconds)
            return "\(reason) The last result for this place is \(age) old: too old to show as the weather now."
        }
    }

    /// `userMessage`, with an outdated result's time said in the reader's zone (`localOffset`).
    public func userMessage(now: Date, localOffset: Int) -> String {
        guard case .outdated(let fetchedAt, let reason) = self else { return userMessage }
        let stale = StaleText(fetchedAt: fetchedAt, now: now, localOffset: localOffset)
        return "\(reason) The last result for this place is from \(stale.when) (\(stale.age) ago): too old to show as "
            + "the weather now."
    }

    /// Whether a cached result should be offered instead (the network or the service failed, not the request).
    public var allowsStaleFallback: Bool {
        switch self {
        case .network(.cancelled): false
        case .network, .rateLimited, .malformedResponse: true
        case .providerError(_, let status, _): status >= 500 || status == 429
        case .placeNotFound, .missingAPIKey, .invalidAPIKey, .outdated: false
        }
    }
}

extension HTTPError: UserFacingError {
    public var userMessage: String {
        switch self {
        case .dnsFailure(let host): "Cannot resolve \(host): check the network connection or the URL."
        case .connectionRefused(let host):
            "Cannot connect to \(host): the network is down or the service is not running."
        case .timeout(let seconds):
            "No answer within \(DurationText.seconds(seconds)): the network or the service is slow."
        case .connectionClosed: "The connection closed before the answer was complete. Try again."
        case .tls(let host): "Secure connection to \(host) failed: its certificate could not be verified."
        case .responseTooLarge(let limit): "The answer was larger than \(limit / 1_048_576) MiB and was dropped."
        case .badRedirect: "The service redirected too often or to an unsafe address."
        case .invalidURL(let url): "Invalid URL \(TerminalText.quoted(url, limit: 100)): check the base URL settings."
        case .libraryMissing: "libcurl is not installed: run `apt-get install libcurl4`."
        case .cancelled: "Cancelled."
        case .transport: "Network error. Check the connection and try again."
        }
    }
}

/// Short human durations for messages: "45 s", "3 min", "2 h".
public enum DurationText {
    public static func short(seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(max(seconds, 0)) s"
        case ..<3600: "\((seconds + 59) / 60) min"
        case ..<172_800: "\((seconds + 1799) / 3600) h"
        default: "\((seconds + 43199) / 86400) days"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// A word as a POSIX shell reads it back, for commands a message suggests.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0))
            }
        if plain { return word }
        return "'" + TerminalText.visible(word).replacing("'", with: "'\\''") + "'"
    }
}
