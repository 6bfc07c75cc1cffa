import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// OpenWeatherMap: needs an API key; geocoding at `/geo/1.0/direct`, current weather at `/data/2.5/weather`.
///
/// The free current-weather endpoint has no hourly or daily forecast, so those stay empty.
public struct OpenWeatherMapProvider: WeatherProvider {
    public let id = ProviderID.openWeatherMap
    private let baseURL: String
    private let apiKey: String?
    private let language: Language
    private let transport: ProviderTransport
    private let now: @Sendable () -> Date

    public static let defaultURL = "https://api.openweathermap.org"

    public init(
        baseURL: String = Self.defaultURL, apiKey: String?, language: Language = .english, http: any HTTPClient,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey.flatMap { $0.trimmedWhitespace().isEmpty ? nil : $0.trimmedWhitespace() }
        self.language = language
        self.transport = ProviderTransport(provider: .openWeatherMap, http: http)
        self.now = now
    }

    public func search(_ query: PlaceQuery, limit: Int) async throws(WeatherError) -> [Place] {
        let key = try requireKey()
        // OpenWeatherMap's geocoder returns at most 5; qualifiers are matched here as for Open-Meteo.
        let url = URLBuilder.url(
            base: baseURL, path: "/geo/1.0/direct", query: [("q", query.name), ("limit", "5"), ("appid", key)])
        let (status, json, response) = try await transport.getJSON(url)
        try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: transport)
        guard let items = json?.array else {
            throw .malformedResponse(.openWeatherMap, detail: "geocoding answer is not a JSON array")
        }
        let places = items.compactMap { OpenWeatherMapDecoder.place($0, language: language) }
        return Array(query.filter(places).prefix(max(limit, 1)))
    }

    public func forecast(for place: Place) async throws(WeatherError) -> Forecast {
        let key = try requireKey()
        let url = URLBuilder.url(
            base: baseURL, path: "/data/2.5/weather",
            query: [
                ("lat", String(place.latitude)), ("lon", String(place.longitude)), ("units", "metric"),
                ("lang", language.rawValue), ("appid", key),
            ])
        let (status, json, response) = try await transport.getJSON(url)
        try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: transport)
        return try OpenWeatherMapDecoder.forecast(json: json, place: place, fetchedAt: now())
    }

    private func requireKey() throws(WeatherError) -> String {
        guard let apiKey else { throw .missingAPIKey(.openWeatherMap) }
        return apiKey
    }
}

/// Reads OpenWeatherMap's answers (`units=metric`), trusting none of their fields.
enum OpenWeatherMapDecoder {
    /// `cod` comes as a number or a string, and an error can arrive with HTTP 200.
    static func checkError(
        status: Int, json: JSONValue?, response: HTTPResponse, transport: ProviderTransport
    ) throws(WeatherError) {
        let cod = json?["cod"]?.int
        let effective = (200..<300).contains(status) ? (cod ?? status) : status
        let message = json?["message"]?.nonEmptyString
        switch effective {
        case 200..<300:
            if json == nil {
                throw .malformedResponse(
                    .openWeatherMap, detail: response.body.isEmpty ? "empty body" : "body is not JSON")
            }
        case 401: throw .invalidAPIKey(.openWeatherMap)
        // Places are found by the geocoder (no match is an empty list); a 404 from a call by coordinates is the
        // provider failing, and its message ("city not found") is not a place name.
        case 404: throw .providerError(.openWeatherMap, status: 404, reason: OneLine.clip(message ?? "not found"))
        case 429: throw .rateLimited(.openWeatherMap, retryAfterSeconds: response.retryAfterSeconds)
        default:
            if status != effective {
                throw .providerError(.openWeatherMap, status: effective, reason: OneLine.clip(message ?? "error"))
            }
            throw transport.statusError(response, reason: message)
        }
    }

    static func place(_ item: JSONValue, language: Language) -> Place? {
        guard let latitude = item["lat"]?.double, let longitude = item["lon"]?.double,
            Place.isValid(latitude: latitude, longitude: longitude),
            let name = item["local_names"]?[language.rawValue]?.name ?? item["name"]?.name
        else { return nil }
        let country = item["country"]?.name
        let code = country.flatMap(Place.countryCode)
        return Place(
            name: name, admin1: item["state"]?.name, country: code == nil ? country : nil, countryCode: code,
            latitude: latitude, longitude: longitude)
    }

    static func forecast(json: JSONValue?, place: Place, fetchedAt: Date) throws(WeatherError) -> Forecast {
        guard let json, json.isObject, let main = json["main"], main.isObject else {
            throw .malformedResponse(.openWeatherMap, detail: "weather answer has no `main` block")
        }
        let observed = json["dt"]?.unixTime
        let offset = json["timezone"]?.int.flatMap { abs($0) <= 18 * 3600 ? $0 : nil } ?? 0
        let condition = json["weather"]?.array?.first?["id"]?.int.map(WeatherCode.fromOpenWeatherMap)
        let rain = json["rain"]?["1h"]?.double
        let snow = json["snow"]?["1h"]?.double
        let precipitation: Double? = (rain == nil && snow == nil) ? nil : (rain ?? 0) + (snow ?? 0)
        let current = Conditions(
            time: observed ?? fetchedAt, temperature: main["temp"]?.double,
            apparentTemperature: main["feels_like"]?.double,
            weatherCode: condition.flatMap { $0.rawValue >= 0 ? $0.rawValue : nil },
            humidity: main["humidity"]?.double,
            // units=metric gives metres per second.
            windSpeed: json["wind"]?["speed"]?.double.map { $0 * 3.6 },
            windDirection: json["wind"]?["deg"]?.double, pressure: main["pressure"]?.double,
            precipitation: precipitation, isDay: nil)
        // Today's sun, from the current answer's `sys` (the free plan has no daily forecast).
        var daily: [DailyForecast] = []
        let sunrise = json["sys"]?["sunrise"]?.unixTime
        let sunset = json["sys"]?["sunset"]?.unixTime
        if sunrise != nil || sunset != nil {
            var day = DailyForecast(
                date: LocalDate(current.time, utcOffsetSeconds: offset), sunrise: sunrise, sunset: sunset)
            if let sunrise, let sunset, sunset > sunrise, sunset.timeIntervalSince(sunrise) <= 86_400 {
                day.daylightSeconds = sunset.timeIntervalSince(sunrise)
            }
            daily.append(day)
        }
        return Forecast(
            place: place, provider: .openWeatherMap, utcOffsetSeconds: offset, current: current, daily: daily,
            fetchedAt: fetchedAt)
    }
}
