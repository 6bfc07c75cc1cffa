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
    /// Through meteo-records' gateway, which adds its own key: none is sent from here.
    private let keyHeldByService: Bool
    private let language: Language
    private let transport: ProviderTransport
    private let now: @Sendable () -> Date

    public static let defaultURL = "https://api.openweathermap.org"

    public init(
        baseURL: String = Self.defaultURL, apiKey: String?, keyHeldByService: Bool = false,
        language: Language = .english, http: any HTTPClient, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey.flatMap { $0.trimmedWhitespace().isEmpty ? nil : $0.trimmedWhitespace() }
        self.keyHeldByService = keyHeldByService
        self.language = language
        self.transport = ProviderTransport(provider: .openWeatherMap, http: http)
        self.now = now
    }

    public func search(_ query: PlaceQuery, limit: Int) async throws(WeatherError) -> [Place] {
        let key = try requireKey()
        // OpenWeatherMap's geocoder returns at most 5; qualifiers are matched here as for Open-Meteo.
        let url = URLBuilder.url(
            base: baseURL, path: "/geo/1.0/direct", query: [("q", query.name), ("limit", "5")] + key)
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
        let query =
            [
                ("lat", String(place.latitude)), ("lon", String(place.longitude)), ("units", "metric"),
                ("lang", language.rawValue),
            ] + key
        // The 5-day forecast (3-hour steps) is asked beside the current weather; without it, the current weather
        // still counts.
        async let next = try? transport.getJSON(URLBuilder.url(base: baseURL, path: "/data/2.5/forecast", query: query))
        let (status, json, response) = try await transport.getJSON(
            URLBuilder.url(base: baseURL, path: "/data/2.5/weather", query: query))
        try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: transport)
        var forecast = try OpenWeatherMapDecoder.forecast(json: json, place: place, fetchedAt: now())
        if let (status, json, response) = await next,
            (try? OpenWeatherMapDecoder.checkError(
                status: status, json: json, response: response, transport: transport)) != nil
        {
            OpenWeatherMapDecoder.merge(fiveDay: json, into: &forecast)
        }
        return forecast
    }

    public func airQuality(for place: Place) async throws(WeatherError) -> AirQuality? {
        let key = try requireKey()
        let url = URLBuilder.url(
            base: baseURL, path: "/data/2.5/air_pollution",
            query: [("lat", String(place.latitude)), ("lon", String(place.longitude))] + key)
        let (status, json, response) = try await transport.getJSON(url)
        try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: transport)
        return OpenWeatherMapDecoder.airQuality(json: json)
    }

    /// The `appid` query item; none through the gateway.
    private func requireKey() throws(WeatherError) -> [(String, String)] {
        if keyHeldByService { return [] }
        guard let apiKey else { throw .missingAPIKey(.openWeatherMap) }
        return [("appid", apiKey)]
    }
}

/// Reads OpenWeatherMap's answers (`units=metric`), trusting none of their fields.
enum OpenWeatherMapDecoder {
    /// Adds the 5-day forecast's steps to `forecast`: each 3-hour step becomes the three hours it covers (its
    /// `rain.3h` spread over them), and the steps of each local day make that day.
    static func merge(fiveDay json: JSONValue?, into forecast: inout Forecast) {
        guard let items = json?["list"]?.array else { return }
        let offset =
            json?["city"]?["timezone"]?.int.flatMap { abs($0) <= 18 * 3600 ? $0 : nil } ?? forecast.utcOffsetSeconds
        let start = forecast.current?.time ?? forecast.fetchedAt
        var hours: [HourlyForecast] = []
        var days: [LocalDate: DailyForecast] = [:]
        for item in items {
            guard let end = item["dt"]?.unixTime else { continue }
            let code = item["weather"]?.array?.first?["id"]?.int.map(WeatherCode.fromOpenWeatherMap)
                .flatMap { $0.rawValue >= 0 ? $0.rawValue : nil }
            let chance = item["pop"]?.double.flatMap { (0...1).contains($0) ? $0 * 100 : nil }
            let rain = item["rain"]?["3h"]?.double
            let snow = item["snow"]?["3h"]?.double
            let amount: Double? = (rain == nil && snow == nil) ? (chance == nil ? nil : 0) : (rain ?? 0) + (snow ?? 0)
            let temperature = item["main"]?["temp"]?.double
            for back in (0..<3).reversed() {
                let time = end.addingTimeInterval(-Double(back) * 3600)
                guard time > start else { continue }
                hours.append(
                    HourlyForecast(
                        time: time, temperature: temperature, precipitationProbability: chance,
                        precipitation: amount.map { $0 / 3 }, weatherCode: code))
            }
            let date = LocalDate(end, utcOffsetSeconds: offset)
            var day = days[date] ?? DailyForecast(date: date)
            let low = item["main"]?["temp_min"]?.double ?? temperature
            let high = item["main"]?["temp_max"]?.double ?? temperature
            if let low { day.temperatureMin = min(day.temperatureMin ?? low, low) }
            if let high { day.temperatureMax = max(day.temperatureMax ?? high, high) }
            if let amount { day.precipitationSum = (day.precipitationSum ?? 0) + amount }
            if let chance { day.precipitationProbability = max(day.precipitationProbability ?? 0, chance) }
            // The day's sky: its midday step, else its first.
            let hour = CivilTime.components(of: end, utcOffsetSeconds: offset).hour
            if day.weatherCode == nil || (11...14).contains(hour) { day.weatherCode = code ?? day.weatherCode }
            days[date] = day
        }
        forecast.hourly = Array(hours.prefix(48))
        // Today keeps the sun the current answer brought.
        var daily = days.values.sorted { $0.date < $1.date }
        if let today = forecast.daily.first, let index = daily.firstIndex(where: { $0.date == today.date }) {
            daily[index].sunrise = today.sunrise
            daily[index].sunset = today.sunset
            daily[index].daylightSeconds = today.daylightSeconds
        } else if let today = forecast.daily.first {
            daily.insert(today, at: 0)
        }
        forecast.daily = Array(daily.prefix(6))
    }

    /// The air pollution API's answer: the first entry of `list`, its `main.aqi` (1 … 5) and components.
    static func airQuality(json: JSONValue?) -> AirQuality? {
        guard let entry = json?["list"]?.array?.first, entry.isObject else { return nil }
        let components = entry["components"]
        let quality = AirQuality(
            time: entry["dt"]?.unixTime,
            owmIndex: entry["main"]?["aqi"]?.int.flatMap { (1...5).contains($0) ? $0 : nil },
            pm25: AirQuality.concentration(components?["pm2_5"]?.double),
            pm10: AirQuality.concentration(components?["pm10"]?.double),
            ozone: AirQuality.concentration(components?["o3"]?.double),
            nitrogenDioxide: AirQuality.concentration(components?["no2"]?.double))
        return quality.isEmpty ? nil : quality
    }

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
