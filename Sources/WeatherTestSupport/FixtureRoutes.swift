public import Foundation

/// Serves the project's fixture folder the way Open-Meteo and OpenWeatherMap answer.
///
/// - `/v1/search?name=N&language=L`: `open-meteo/geocoding-<n>.<l>.json`, else `geocoding-<n>.json`, else no results.
/// - `/v1/forecast?latitude=A&longitude=B`: `open-meteo/forecast-<A>_<B>.json`, else `forecast-default.json`.
/// - `/geo/1.0/direct?q=N`: `owm/geo-<n>.json`, else `[]`.
/// - `/v1/air-quality?latitude=A&longitude=B`: `open-meteo/air-quality-<A>_<B>.json`, else `air-quality-default.json`.
/// - `/data/2.5/weather?lat=A&lon=B`: `owm/weather-<A>_<B>.json`, else 404 "city not found".
/// - `/data/2.5/forecast?lat=A&lon=B`: `owm/forecast-<A>_<B>.json`, else 404.
/// - `/data/2.5/air_pollution?lat=A&lon=B`: `owm/air-<A>_<B>.json`, else an empty `list`.
/// OpenWeatherMap routes answer 401 unless `appid` is `valid-key` or another key listed in `validKeys`.
public struct FixtureRoutes: Sendable {
    public let directory: URL
    public let validKeys: Set<String>

    public init(directory: URL, validKeys: Set<String> = ["valid-key"]) {
        self.directory = directory
        self.validKeys = validKeys
    }

    /// The fixture folder of this checkout (`Tests/Fixtures`).
    public static var projectFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")
    }

    public func reply(to request: FixtureServer.Request) -> FixtureServer.Reply {
        let query = request.query
        switch request.path {
        case "/v1/search":
            let name = Self.slug(query["name"] ?? "")
            let language = query["language"] ?? "en"
            return file("open-meteo/geocoding-\(name).\(language).json") ?? file("open-meteo/geocoding-\(name).json")
                ?? .json(#"{"generationtime_ms":0.1}"#)
        case "/v1/forecast":
            let name = "\(query["latitude"] ?? "")_\(query["longitude"] ?? "")"
            return file("open-meteo/forecast-\(name).json") ?? file("open-meteo/forecast-default.json")
                ?? .json(#"{"error":true,"reason":"no fixture"}"#, status: 400)
        case "/v1/air-quality":
            let name = "\(query["latitude"] ?? "")_\(query["longitude"] ?? "")"
            return file("open-meteo/air-quality-\(name).json") ?? file("open-meteo/air-quality-default.json")
                ?? .json(#"{"error":true,"reason":"no fixture"}"#, status: 400)
        case "/data/2.5/forecast":
            if let denied = checkKey(query) { return denied }
            return file("owm/forecast-\(query["lat"] ?? "")_\(query["lon"] ?? "").json")
                ?? .json(#"{"cod":"404","message":"city not found"}"#, status: 404)
        case "/data/2.5/air_pollution":
            if let denied = checkKey(query) { return denied }
            return file("owm/air-\(query["lat"] ?? "")_\(query["lon"] ?? "").json")
                ?? .json(#"{"coord":{"lon":0,"lat":0},"list":[]}"#)
        case "/geo/1.0/direct":
            if let denied = checkKey(query) { return denied }
            return file("owm/geo-\(Self.slug(query["q"] ?? "")).json") ?? .json("[]")
        case "/data/2.5/weather":
            if let denied = checkKey(query) { return denied }
            return file("owm/weather-\(query["lat"] ?? "")_\(query["lon"] ?? "").json")
                ?? .json(#"{"cod":"404","message":"city not found"}"#, status: 404)
        default:
            return .json(#"{"error":true,"reason":"Not Found"}"#, status: 404)
        }
    }

    private func checkKey(_ query: [String: String]) -> FixtureServer.Reply? {
        guard let key = query["appid"], validKeys.contains(key) else {
            return .json(
                #"{"cod":401,"message":"Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}"#,
                status: 401)
        }
        return nil
    }

    private func file(_ relative: String) -> FixtureServer.Reply? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(relative)) else { return nil }
        return .respond(status: 200, headers: ["Content-Type": "application/json"], body: data)
    }

    /// "São Paulo" → "sao-paulo".
    static func slug(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .split(separator: " ").joined(separator: "-")
    }
}
