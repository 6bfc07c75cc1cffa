import TextFormats

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The providers' APIs that meteo-records fetches for its clients, each under `/v1/gateway/NAME` with the
/// upstream's own paths, so that a client switches by changing its base URL.
public enum GatewayUpstream: String, CaseIterable, Sendable {
    case geocoding
    case forecast
    case airQuality = "air-quality"
    case openWeatherMap = "openweathermap"

    /// Whose quota a request spends: `open-meteo` or `openweathermap` (the metrics' `provider` label).
    public var provider: String { self == .openWeatherMap ? "openweathermap" : "open-meteo" }

    /// The upstream paths served, as the provider names them.
    public var paths: [String] {
        switch self {
        case .geocoding: ["/v1/search"]
        case .forecast: ["/v1/forecast"]
        case .airQuality: ["/v1/air-quality"]
        case .openWeatherMap: ["/data/2.5/weather", "/data/2.5/forecast", "/data/2.5/air_pollution", "/geo/1.0/direct"]
        }
    }

    /// The base URL a client uses in place of the provider's: `/v1/gateway/forecast`.
    public var prefix: String { RecordPaths.gateway + "/" + rawValue }

    /// The names of the latitude and longitude parameters.
    var coordinateNames: (latitude: String, longitude: String) {
        self == .openWeatherMap ? ("lat", "lon") : ("latitude", "longitude")
    }

    /// The parameter that names a place to look up at `path`, when it is a place search.
    func placeParameter(path: String) -> String? {
        switch (self, path) {
        case (.geocoding, _): "name"
        case (.openWeatherMap, "/geo/1.0/direct"): "q"
        default: nil
        }
    }
}

/// A gateway request read and normalised: what is asked upstream, and the key under which the answer is kept.
///
/// Near-identical requests share a key: parameters sorted, coordinates rounded to 0.01° (about 1 km), the
/// fields of a list (`hourly=a,b`) sorted, a place name trimmed and lower-cased; language and units are kept.
/// The upstream is asked with the first caller's own values (the name normalised), never with a key a client
/// sent: `appid` and its kin are dropped, the service adds its own.
public struct GatewayQuery: Sendable, Hashable {
    public let upstream: GatewayUpstream
    public let path: String
    /// The parameters to send upstream, in the client's order, secrets removed.
    public let parameters: [Parameter]
    /// The cache key: upstream, path and the normalised parameters.
    public let key: String

    /// One `name=value` pair, percent-decoded.
    public struct Parameter: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    /// Whether the answer is a place search (kept longer than a forecast).
    public var isPlaceSearch: Bool { upstream.placeParameter(path: path) != nil }

    /// Parameter names that carry a credential; a client's are dropped, never forwarded nor keyed.
    public static let secretNames: Set<String> = ["appid", "apikey", "api_key", "key", "token"]
    /// Parameters whose value is a comma-separated list of fields, in no meaningful order.
    static let fieldLists: Set<String> = ["current", "hourly", "daily", "minutely_15"]
    static let maxQueryBytes = 4096
    static let maxParameters = 40
    static let maxValueBytes = 1024
    /// A place name's limit, as a kept record's (RecordRules), in code points.
    static let maxPlaceLength = 200

    /// Reads `query` (the raw text after `?`) for `path` under `upstream`.
    /// - Throws: `GatewayQueryError` naming the parameter at fault.
    public static func parse(upstream: GatewayUpstream, path: String, query: String) throws(GatewayQueryError)
        -> GatewayQuery
    {
        guard upstream.paths.contains(path) else { throw .unknownPath }
        guard query.utf8.count <= maxQueryBytes else { throw .tooLong }
        var parameters: [Parameter] = []
        var seen: Set<String> = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), isPlainName(name) else { throw .badName }
            guard let value = decode(parts.count > 1 ? parts[1] : ""), value.utf8.count <= maxValueBytes,
                !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else { throw .badValue(name) }
            if secretNames.contains(name.lowercased()) { continue }
            guard seen.insert(name).inserted else { throw .repeated(name) }
            parameters.append(Parameter(name: name, value: value))
        }
        guard parameters.count <= maxParameters else { throw .tooLong }
        var keyed: [Parameter] = []
        var sent: [Parameter] = []
        let coordinates = upstream.coordinateNames
        let place = upstream.placeParameter(path: path)
        for parameter in parameters {
            var value = parameter.value
            var keyValue = value
            switch parameter.name {
            case coordinates.latitude, coordinates.longitude:
                let limit = parameter.name == coordinates.latitude ? 90.0 : 180.0
                guard let rounded = roundedCoordinates(value, limit: limit) else { throw .badValue(parameter.name) }
                keyValue = rounded
            case place:
                guard value.unicodeScalars.count <= maxPlaceLength else { throw .badValue(parameter.name) }
                value = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !value.isEmpty else { throw .badValue(parameter.name) }
                keyValue = value.lowercased()
                value = keyValue
            case let name where fieldLists.contains(name):
                keyValue = value.split(separator: ",").map { $0.trimmedWhitespace() }.sorted().joined(separator: ",")
            default:
                break
            }
            sent.append(Parameter(name: parameter.name, value: value))
            keyed.append(Parameter(name: parameter.name, value: keyValue))
        }
        // A search needs its name, anything else its place: refused here, it costs no upstream request.
        for required in place.map({ [$0] }) ?? [coordinates.latitude, coordinates.longitude]
        where !sent.contains(where: { $0.name == required }) {
            throw .missing(required)
        }
        let key =
            upstream.rawValue + " " + path + "?"
            + keyed.sorted { ($0.name, $0.value) < ($1.name, $1.value) }.map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
        return GatewayQuery(upstream: upstream, path: path, parameters: sent, key: key)
    }

    /// `name` is ASCII letters, digits and `_`, at most 64 of them.
    private static func isPlainName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            }
    }

    /// Form decoding: `+` is a space, `%XX` a byte; `nil` for a bad escape or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Each of a comma-separated list of coordinates within ±`limit`, rounded to hundredths:
    /// `"48.8534,2.35"` → `"48.85,2.35"`; `nil` when one is not a finite number in range.
    static func roundedCoordinates(_ text: String, limit: Double) -> String? {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...100).contains(items.count) else { return nil }
        var rounded: [String] = []
        for item in items {
            let trimmed = item.trimmedWhitespace()
            guard trimmed.utf8.count <= 32, let value = Double(trimmed), value.isFinite, abs(value) <= limit else {
                return nil
            }
            // Within ±18,000 hundredths: no trapping conversion.
            let hundredths = Int((value * 100).rounded())
            let magnitude = abs(hundredths)
            let fraction = magnitude % 100
            rounded.append(
                (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)")
        }
        return rounded.joined(separator: ",")
    }
}

/// Why a gateway request's query cannot be used (400, or 404 for a path the gateway does not serve).
public enum GatewayQueryError: Error, Sendable, Equatable {
    case unknownPath
    case tooLong
    case badName
    case badValue(String)
    case repeated(String)
    case missing(String)

    /// The parameter at fault, when one is.
    public var field: String? {
        switch self {
        case .badValue(let name), .repeated(let name), .missing(let name): name
        case .unknownPath, .tooLong, .badName: nil
        }
    }

    /// What is wrong, for the error body.
    public var message: String {
        switch self {
        case .unknownPath: "the gateway does not serve this path"
        case .tooLong:
            "the query is longer than \(GatewayQuery.maxQueryBytes) bytes or \(GatewayQuery.maxParameters) parameters"
        case .badName: "a parameter name is not letters, digits and _"
        case .badValue(let name): "\(name) has a value the gateway cannot use"
        case .repeated(let name): "\(name) is given twice"
        case .missing(let name): "\(name) is required"
        }
    }
}
