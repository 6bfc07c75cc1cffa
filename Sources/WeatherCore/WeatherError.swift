import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// An error that knows the one line to show a person.
public protocol UserFacingError: Error {
    /// What happened and what to do, in one line that fits a status bar, in `labels`' language.
    func message(_ labels: Labels) -> String
}

/// Why a place or its weather could not be had.
public enum WeatherError: Error, Sendable, Hashable {
    /// `name`: the query's bare name, when its qualifiers ("Paris, XX") are what left nothing.
    case placeNotFound(query: String, name: String? = nil)
    /// The fresh answer failed (`reason`, its one line) and the last one, fetched at `fetchedAt`, no longer
    /// covers the present: it is not shown as the weather now.
    indirect case outdated(fetchedAt: Date, cause: WeatherError)
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
    public func message(_ labels: Labels) -> String {
        guard case .outdated(let fetchedAt, let cause) = self else {
            return message(labels, now: Date(), localOffset: 0)
        }
        let age = StaleText(fetchedAt: fetchedAt, now: Date(), localOffset: 0).age(labels)
        return labels.say(.outdated, ["reason": cause.message(labels), "age": age])
    }

    /// The message, with an outdated result's time said in the reader's zone (`localOffset`) at `now`.
    public func message(_ labels: Labels, now: Date, localOffset: Int) -> String {
        switch self {
        case .placeNotFound(let query, let name):
            let shown = TerminalText.quoted(query)
            // Searching the same words again would find nothing again: only the bare name can show more.
            guard let name, name != query else { return labels.say(.placeNotFound, ["query": shown]) }
            return labels.say(.placeNotFoundSearch, ["query": shown, "name": ShellWord.quoted(name)])
        case .missingAPIKey(let provider):
            return labels.say(.missingAPIKey, ["provider": provider.displayName])
        case .invalidAPIKey(let provider):
            return labels.say(.invalidAPIKey, ["provider": provider.displayName])
        case .rateLimited(let provider, let wait):
            let when =
                wait.map { labels.say(.retryIn, ["duration": labels.duration(seconds: $0)]) }
                ?? labels.say(.tryLater)
            return labels.say(.rateLimited, ["provider": provider.displayName, "when": when])
        case .providerError(let provider, let status, let reason):
            let code = status == 200 ? "" : " (HTTP \(status))"
            return labels.say(.providerError, ["provider": provider.displayName, "status": code, "reason": reason])
        case .malformedResponse(let provider, _):
            return labels.say(.malformedAnswer, ["provider": provider.displayName])
        case .network(let error):
            return error.message(labels)
        case .outdated(let fetchedAt, let cause):
            let stale = StaleText(fetchedAt: fetchedAt, now: now, localOffset: localOffset)
            return labels.say(
                .outdatedFrom, ["reason": cause.message(labels), "when": stale.when(labels), "age": stale.age(labels)])
        }
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
    public func message(_ labels: Labels) -> String {
        switch self {
        case .dnsFailure(let host): labels.say(.dnsFailure, ["host": host])
        case .connectionRefused(let host): labels.say(.connectionRefused, ["host": host])
        case .timeout(let seconds):
            labels.say(
                .timeout,
                ["duration": labels.say(.seconds, ["n": labels.number(seconds, seconds == seconds.rounded() ? 0 : 1)])])
        case .connectionClosed: labels.say(.connectionClosed)
        case .tls(let host): labels.say(.tlsFailure, ["host": host])
        case .responseTooLarge(let limit): labels.say(.tooLarge, ["size": String(limit / 1_048_576)])
        case .badRedirect: labels.say(.badRedirect)
        case .invalidURL(let url): labels.say(.invalidURL, ["url": TerminalText.quoted(url, limit: 100)])
        case .libraryMissing: labels.say(.noLibcurl)
        case .cancelled: labels.say(.cancelled)
        case .transport: labels.say(.networkError)
        }
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
