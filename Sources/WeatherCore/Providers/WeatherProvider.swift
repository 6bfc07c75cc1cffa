import TextFormats

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A weather service: finds places by name and gives the weather for one.
public protocol WeatherProvider: Sendable {
    var id: ProviderID { get }

    /// Candidates for `query`, best first, already narrowed by its qualifiers; empty when none fits.
    /// - Throws: `WeatherError` when the service could not be asked or answered with an error.
    func search(_ query: PlaceQuery, limit: Int) async throws(WeatherError) -> [Place]

    /// Current conditions and, where the service has them, the next hours and days at `place`.
    /// - Throws: `WeatherError` when the service could not be asked or answered with an error.
    func forecast(for place: Place) async throws(WeatherError) -> Forecast

    /// The air at `place` now; `nil` when the service sent nothing to show.
    /// - Throws: `WeatherError` when the service could not be asked or answered with an error.
    func airQuality(for place: Place) async throws(WeatherError) -> AirQuality?
}

extension WeatherProvider {
    /// The best candidate for `query`.
    /// - Throws: `WeatherError.placeNotFound` when there is none.
    public func resolve(_ query: PlaceQuery) async throws(WeatherError) -> Place {
        guard let best = try await search(query, limit: 1).first else {
            throw .placeNotFound(query: query.text, name: query.qualifiers.isEmpty ? nil : query.name)
        }
        return best
    }
}

/// Request building and response reading shared by the providers.
struct ProviderTransport: Sendable {
    let provider: ProviderID
    let http: any HTTPClient

    /// GETs `url` and parses its body as JSON; transport failures become `WeatherError.network`.
    func getJSON(_ url: String) async throws(WeatherError) -> (status: Int, json: JSONValue?, response: HTTPResponse) {
        let response: HTTPResponse
        do {
            response = try await http.send(HTTPRequest(url: url, headers: ["Accept": "application/json"]))
        } catch {
            throw .network(error)
        }
        return (response.status, JSONValue.parse(response.body), response)
    }

    /// The error for a non-2xx status that the provider-specific checks did not explain.
    func statusError(_ response: HTTPResponse, reason: String?) -> WeatherError {
        if response.status == 429 {
            return .rateLimited(provider, retryAfterSeconds: response.retryAfterSeconds)
        }
        let text = reason.map(OneLine.clip) ?? (response.body.isEmpty ? "empty answer" : "unexpected answer")
        return .providerError(provider, status: response.status, reason: text)
    }
}

/// Builds URLs from a base and query items, percent-encoding every value.
public enum URLBuilder {
    public static func url(base: String, path: String, query: [(String, String)]) -> String {
        var root = base.trimmedWhitespace()
        while root.hasSuffix("/") { root.removeLast() }
        let items = query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return root + path + (items.isEmpty ? "" : "?" + items)
    }

    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: ","):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// `url` with the values of secret query parameters replaced, for logs.
    static func redacted(_ url: String, secrets: Set<String> = ["appid", "api_key", "apikey", "token"]) -> String {
        guard let mark = url.firstIndex(of: "?") else { return url }
        let items = url[url.index(after: mark)...].split(separator: "&").map { item -> String in
            let name = item.prefix { $0 != "=" }
            return secrets.contains(name.lowercased()) ? "\(name)=REDACTED" : String(item)
        }
        return url[..<mark] + "?" + items.joined(separator: "&")
    }
}

/// Squeezes provider text into one short line for a message.
enum OneLine {
    static func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmedWhitespace() }.joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(157)) + "…" : flat
    }
}
