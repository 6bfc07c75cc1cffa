public import RecordAPI

/// How the weather gateway fetches and keeps: its upstreams, the OpenWeatherMap key, freshness, bounds, budgets.
public struct GatewaySettings: Sendable, Equatable {
    /// Base URLs of the upstreams, by gateway name (the providers' public APIs by default).
    public var upstreams: [GatewayUpstream: String] = [
        .geocoding: "https://geocoding-api.open-meteo.com", .forecast: "https://api.open-meteo.com",
        .airQuality: "https://air-quality-api.open-meteo.com", .openWeatherMap: "https://api.openweathermap.org",
    ]
    /// Held by the service only: never sent to a client, logged or counted.
    public var openWeatherMapKey: String?
    /// How long a forecast (or air, or current weather) answer is fresh.
    public var forecastTTL: Duration = .seconds(600)
    /// How long a place search is fresh.
    public var geocodingTTL: Duration = .seconds(86_400)
    /// Past its freshness, an answer is still served at once for this long while a new one is fetched.
    public var staleWhileRevalidate: Duration = .seconds(600)
    /// Past its freshness, an answer is served for this long when the upstream fails.
    public var staleIfError: Duration = .seconds(86_400)
    /// Answers kept in PostgreSQL (shared by the replicas), least recently used evicted first.
    public var sharedRows = 10_000
    public var sharedBytes = 256 << 20
    /// Answers kept in each replica's memory, in front of PostgreSQL.
    public var memoryEntries = 1_000
    public var memoryBytes = 32 << 20
    /// Upstream requests a minute per provider per replica (Open-Meteo's free tier allows 600 a minute and
    /// 10,000 a day; OpenWeatherMap's 60 a minute).
    public var budgetPerMinute: [String: Int] = ["open-meteo": 300, "openweathermap": 50]
    /// An upstream request that takes longer fails (504, or a stale answer).
    public var upstreamTimeout: Duration = .seconds(10)
    /// A larger upstream answer is refused (502, or a stale answer).
    public var maxResponseBytes = 4 << 20

    public init() {}

    /// How long `query`'s answer is fresh.
    func ttl(_ query: GatewayQuery) -> Duration { query.isPlaceSearch ? geocodingTTL : forecastTTL }

    /// Reads the `METEO_RECORDS_*` gateway variables over the defaults.
    /// - Throws: `ConfigurationError` naming the variable at fault.
    static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> GatewaySettings {
        var settings = GatewaySettings()
        for (upstream, name) in [
            (GatewayUpstream.geocoding, "METEO_RECORDS_GEOCODING_URL"), (.forecast, "METEO_RECORDS_FORECAST_URL"),
            (.airQuality, "METEO_RECORDS_AIR_QUALITY_URL"), (.openWeatherMap, "METEO_RECORDS_OWM_URL"),
        ] {
            guard let text = environment[name], !text.isEmpty else { continue }
            let lower = text.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.utf8.count <= 1000,
                !text.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace })
            else { throw .invalid(name, "an http:// or https:// base URL without query") }
            settings.upstreams[upstream] = text
        }
        if let key = environment["METEO_RECORDS_OWM_API_KEY"], !key.isEmpty {
            guard key.utf8.count <= 200,
                key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else {
                throw .invalid("METEO_RECORDS_OWM_API_KEY", "letters, digits, - and _, at most 200")
            }
            settings.openWeatherMapKey = key
        }
        func seconds(_ name: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Duration? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw .invalid(name, "whole seconds from \(range.lowerBound) to \(range.upperBound)")
            }
            return .seconds(value)
        }
        func count(_ name: String, _ range: ClosedRange<Int>, _ what: String) throws(ConfigurationError) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw .invalid(name, "\(what), from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        let week = 7 * 86_400
        if let value = try seconds("METEO_RECORDS_GATEWAY_TTL", 1...86_400) { settings.forecastTTL = value }
        if let value = try seconds("METEO_RECORDS_GATEWAY_GEOCODING_TTL", 1...week) { settings.geocodingTTL = value }
        if let value = try seconds("METEO_RECORDS_GATEWAY_STALE_WHILE_REVALIDATE", 0...86_400) {
            settings.staleWhileRevalidate = value
        }
        if let value = try seconds("METEO_RECORDS_GATEWAY_STALE_IF_ERROR", 0...week) { settings.staleIfError = value }
        if let value = try seconds("METEO_RECORDS_GATEWAY_TIMEOUT", 1...120) { settings.upstreamTimeout = value }
        if let value = try count("METEO_RECORDS_GATEWAY_CACHE_ROWS", 1...10_000_000, "rows") {
            settings.sharedRows = value
        }
        if let value = try count("METEO_RECORDS_GATEWAY_CACHE_MB", 1...1_000_000, "megabytes") {
            settings.sharedBytes = value << 20
        }
        if let value = try count("METEO_RECORDS_GATEWAY_MEMORY_MB", 1...100_000, "megabytes") {
            settings.memoryBytes = value << 20
        }
        if let value = try count("METEO_RECORDS_GATEWAY_MAX_RESPONSE_KB", 1...1_000_000, "kilobytes") {
            settings.maxResponseBytes = value << 10
        }
        for (provider, name) in [
            ("open-meteo", "METEO_RECORDS_GATEWAY_BUDGET_OPEN_METEO"),
            ("openweathermap", "METEO_RECORDS_GATEWAY_BUDGET_OWM"),
        ] {
            if let value = try count(name, 1...1_000_000, "upstream requests a minute") {
                settings.budgetPerMinute[provider] = value
            }
        }
        return settings
    }
}
