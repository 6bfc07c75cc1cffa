import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Open-Meteo: free, no key; geocoding at `/v1/search`, forecasts at `/v1/forecast`.
public struct OpenMeteoProvider: WeatherProvider {
    public let id = ProviderID.openMeteo
    private let geocodingURL: String
    private let forecastURL: String
    private let airQualityURL: String
    private let language: Language
    private let transport: ProviderTransport
    private let now: @Sendable () -> Date

    public static let defaultGeocodingURL = "https://geocoding-api.open-meteo.com"
    public static let defaultForecastURL = "https://api.open-meteo.com"
    public static let defaultAirQualityURL = "https://air-quality-api.open-meteo.com"
    static let hourlyCount = 48
    static let dailyCount = 7
    /// Six hours of quarter hours: what "rain soon" reads finer than by the hour.
    static let quarterHourCount = 24

    public init(
        geocodingURL: String = Self.defaultGeocodingURL, forecastURL: String = Self.defaultForecastURL,
        airQualityURL: String = Self.defaultAirQualityURL, language: Language = .english, http: any HTTPClient,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.geocodingURL = geocodingURL
        self.forecastURL = forecastURL
        self.airQualityURL = airQualityURL
        self.language = language
        self.transport = ProviderTransport(provider: .openMeteo, http: http)
        self.now = now
    }

    public func search(_ query: PlaceQuery, limit: Int) async throws(WeatherError) -> [Place] {
        // Qualifiers are applied here, so ask for enough namesakes to find the one they describe.
        let count = query.qualifiers.isEmpty ? max(limit, 1) : 50
        let url = URLBuilder.url(
            base: geocodingURL, path: "/v1/search",
            query: [
                ("name", query.name), ("count", String(count)), ("language", language.rawValue), ("format", "json"),
            ])
        let (status, json, response) = try await transport.getJSON(url)
        let places = try OpenMeteoDecoder.places(status: status, json: json, response: response, transport: transport)
        return Array(query.filter(places).prefix(max(limit, 1)))
    }

    public func forecast(for place: Place) async throws(WeatherError) -> Forecast {
        let url = URLBuilder.url(
            base: forecastURL, path: "/v1/forecast",
            query: [
                ("latitude", String(place.latitude)), ("longitude", String(place.longitude)),
                (
                    "current",
                    "temperature_2m,apparent_temperature,relative_humidity_2m,weather_code,wind_speed_10m,"
                        + "wind_direction_10m,pressure_msl,precipitation,is_day,uv_index"
                ),
                ("hourly", "temperature_2m,precipitation_probability,precipitation,weather_code,uv_index"),
                (
                    "daily",
                    "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,"
                        + "sunrise,sunset,daylight_duration,uv_index_max"
                ),
                ("minutely_15", "precipitation"), ("forecast_minutely_15", String(Self.quarterHourCount)),
                ("forecast_hours", String(Self.hourlyCount)), ("forecast_days", String(Self.dailyCount)),
                ("timezone", "auto"),
            ])
        let (status, json, response) = try await transport.getJSON(url)
        return try OpenMeteoDecoder.forecast(
            status: status, json: json, response: response, place: place, fetchedAt: now(), transport: transport)
    }
}

extension OpenMeteoProvider {
    public func airQuality(for place: Place) async throws(WeatherError) -> AirQuality? {
        let url = URLBuilder.url(
            base: airQualityURL, path: "/v1/air-quality",
            query: [
                ("latitude", String(place.latitude)), ("longitude", String(place.longitude)),
                ("current", "european_aqi,us_aqi,pm25,pm10,ozone,nitrogen_dioxide"), ("timezone", "auto"),
            ])
        let (status, json, response) = try await transport.getJSON(url)
        return try OpenMeteoDecoder.airQuality(
            status: status, json: json, response: response, now: now(), transport: transport)
    }
}

/// Reads Open-Meteo's answers, trusting none of their fields.
enum OpenMeteoDecoder {
    /// The air-quality API's answer: its `current` block, else the hour of `hourly` that holds `now`.
    static func airQuality(
        status: Int, json: JSONValue?, response: HTTPResponse, now: Date, transport: ProviderTransport
    ) throws(WeatherError) -> AirQuality? {
        try checkError(status: status, json: json, response: response, transport: transport)
        guard let json, json.isObject else {
            throw .malformedResponse(.openMeteo, detail: "air-quality answer is not a JSON object")
        }
        let offset = json["utc_offset_seconds"]?.int.flatMap { abs($0) <= 18 * 3600 ? $0 : nil } ?? 0
        func read(_ value: (String) -> JSONValue?, time: Date?) -> AirQuality {
            AirQuality(
                time: time, europeanAQI: AirQuality.index(value("european_aqi")?.double),
                usAQI: AirQuality.index(value("us_aqi")?.double),
                pm25: AirQuality.concentration(value("pm2_5")?.double),
                pm10: AirQuality.concentration(value("pm10")?.double),
                ozone: AirQuality.concentration(value("ozone")?.double),
                nitrogenDioxide: AirQuality.concentration(value("nitrogen_dioxide")?.double))
        }
        if let current = json["current"], current.isObject {
            let quality = read({ current[$0] }, time: current["time"].flatMap { time($0, offset: offset) })
            return quality.isEmpty ? nil : quality
        }
        guard let hourly = json["hourly"], let times = hourly["time"]?.array else { return nil }
        let parsed = times.map { time($0, offset: offset) }
        // The hour that holds now, or the nearest before it with values (a model's horizon ends in nulls), else
        // the first with values after it (an answer for other dates).
        let hours = parsed.indices.compactMap { index in parsed[index].map { (index, $0) } }
        let split = hours.firstIndex { $0.1 > now } ?? hours.endIndex
        for (index, time) in hours[..<split].reversed() + hours[split...] {
            let quality = read({ hourly[$0]?.array?[safe: index] }, time: time)
            if !quality.isEmpty { return quality }
        }
        return nil
    }

    static func places(
        status: Int, json: JSONValue?, response: HTTPResponse, transport: ProviderTransport
    ) throws(WeatherError) -> [Place] {
        try checkError(status: status, json: json, response: response, transport: transport)
        guard let json, json.isObject else {
            throw .malformedResponse(.openMeteo, detail: "geocoding answer is not a JSON object")
        }
        // No `results` key at all is how Open-Meteo says "no match".
        return (json["results"]?.array ?? []).compactMap(place)
    }

    static func place(_ item: JSONValue) -> Place? {
        guard let name = item["name"]?.name, let latitude = item["latitude"]?.double,
            let longitude = item["longitude"]?.double, Place.isValid(latitude: latitude, longitude: longitude)
        else { return nil }
        return Place(
            name: name, admin1: item["admin1"]?.name, country: item["country"]?.name,
            countryCode: item["country_code"]?.nonEmptyString.flatMap(Place.countryCode), latitude: latitude,
            longitude: longitude,
            timezone: item["timezone"]?.name, population: item["population"]?.int)
    }

    static func forecast(
        status: Int, json: JSONValue?, response: HTTPResponse, place: Place, fetchedAt: Date,
        transport: ProviderTransport
    ) throws(WeatherError) -> Forecast {
        try checkError(status: status, json: json, response: response, transport: transport)
        guard let json, json.isObject else {
            throw .malformedResponse(.openMeteo, detail: "forecast answer is not a JSON object")
        }
        let offset = json["utc_offset_seconds"]?.int.flatMap { abs($0) <= 18 * 3600 ? $0 : nil } ?? 0
        var place = place
        if place.timezone == nil { place.timezone = json["timezone"]?.name }

        let current =
            json["current"].flatMap { conditions($0, offset: offset) }
            ?? json["current_weather"].flatMap { legacyConditions($0, offset: offset) }
        // From now on, when the answer reaches now; otherwise what came, as it came (an answer for other dates,
        // or hourly data only from a server whose clock differs, is still weather to show).
        let start = hourStart(current?.time ?? fetchedAt)
        let allHours = hours(json["hourly"], offset: offset)
        let upcoming = allHours.filter { $0.time >= start }
        let hourly = (upcoming.isEmpty ? allHours : upcoming).prefix(OpenMeteoProvider.hourlyCount)
        let today = LocalDate(current?.time ?? fetchedAt, utcOffsetSeconds: offset)
        let allDays = days(json["daily"], offset: offset)
        let coming = allDays.filter { $0.date >= today }
        let daily = (coming.isEmpty ? allDays : coming).prefix(OpenMeteoProvider.dailyCount)

        guard current != nil || !hourly.isEmpty || !daily.isEmpty else {
            throw .malformedResponse(.openMeteo, detail: "forecast answer holds no weather")
        }
        var forecast = Forecast(
            place: place, provider: .openMeteo, utcOffsetSeconds: offset, current: current, hourly: Array(hourly),
            daily: Array(daily), fetchedAt: fetchedAt)
        // `minutely_15` starts at local midnight or at now, depending on the request: from now, at most six hours.
        let quarters = quarterHours(json["minutely_15"], offset: offset).filter { $0.time > start }
        if !quarters.isEmpty { forecast.quarterHours = Array(quarters.prefix(OpenMeteoProvider.quarterHourCount)) }
        return forecast
    }

    /// `{"error": true, "reason": …}` may come with 400, 429 or even 200.
    private static func checkError(
        status: Int, json: JSONValue?, response: HTTPResponse, transport: ProviderTransport
    ) throws(WeatherError) {
        let reason = json?["reason"]?.nonEmptyString
        if json?["error"]?.bool == true {
            if status == 429 || (reason?.lowercased().contains("limit exceeded") ?? false) {
                throw .rateLimited(.openMeteo, retryAfterSeconds: response.retryAfterSeconds)
            }
            throw .providerError(.openMeteo, status: status, reason: OneLine.clip(reason ?? "unspecified error"))
        }
        guard (200..<300).contains(status) else { throw transport.statusError(response, reason: reason) }
        if json == nil {
            throw .malformedResponse(.openMeteo, detail: response.body.isEmpty ? "empty body" : "body is not JSON")
        }
    }

    private static func conditions(_ block: JSONValue, offset: Int) -> Conditions? {
        guard block.isObject, let time = block["time"].flatMap({ time($0, offset: offset) }) else { return nil }
        return Conditions(
            time: time, temperature: block["temperature_2m"]?.double,
            apparentTemperature: block["apparent_temperature"]?.double, weatherCode: block["weather_code"]?.int,
            humidity: block["relative_humidity_2m"]?.double, windSpeed: block["wind_speed_10m"]?.double,
            windDirection: block["wind_direction_10m"]?.double,
            pressure: block["pressure_msl"]?.double ?? block["surface_pressure"]?.double,
            precipitation: block["precipitation"]?.double, isDay: block["is_day"]?.bool,
            uvIndex: uv(block["uv_index"]))
    }

    /// A UV index as sent, when it is one (0…30; the highest ever measured is about 43 on a mountain, 20 is rare).
    private static func uv(_ value: JSONValue?) -> Double? {
        value?.double.flatMap { (0...30).contains($0) ? $0 : nil }
    }

    /// A time sent as local ISO text or, with `timeformat=unixtime`, as seconds.
    private static func time(_ value: JSONValue, offset: Int) -> Date? {
        value.string.flatMap { CivilTime.parseLocal($0, utcOffsetSeconds: offset) } ?? value.unixTime
    }

    private static func quarterHours(_ block: JSONValue?, offset: Int) -> [QuarterHour] {
        guard let block, let times = block["time"]?.array else { return [] }
        let precipitation = column(block, "precipitation")
        return times.indices.compactMap { index in
            guard let time = time(times[index], offset: offset) else { return nil }
            return QuarterHour(
                time: time, precipitation: precipitation[safe: index]?.double.flatMap { $0 >= 0 ? $0 : nil })
        }
    }

    /// The `current_weather` block of older requests and self-hosted servers.
    private static func legacyConditions(_ block: JSONValue, offset: Int) -> Conditions? {
        guard block.isObject,
            let time = block["time"]?.string.flatMap({ CivilTime.parseLocal($0, utcOffsetSeconds: offset) })
        else { return nil }
        return Conditions(
            time: time, temperature: block["temperature"]?.double, weatherCode: block["weathercode"]?.int,
            windSpeed: block["windspeed"]?.double, windDirection: block["winddirection"]?.double,
            isDay: block["is_day"]?.bool)
    }

    private static func hours(_ block: JSONValue?, offset: Int) -> [HourlyForecast] {
        guard let block, let times = block["time"]?.array else { return [] }
        let temperature = column(block, "temperature_2m")
        let probability = column(block, "precipitation_probability")
        let precipitation = column(block, "precipitation")
        let code = column(block, "weather_code")
        let uvIndex = column(block, "uv_index")
        return times.indices.compactMap { index in
            guard let time = time(times[index], offset: offset) else { return nil }
            return HourlyForecast(
                time: time, temperature: temperature[safe: index]?.double,
                precipitationProbability: probability[safe: index]?.double,
                precipitation: precipitation[safe: index]?.double, weatherCode: code[safe: index]?.int,
                uvIndex: uv(uvIndex[safe: index]))
        }
    }

    private static func days(_ block: JSONValue?, offset: Int) -> [DailyForecast] {
        guard let block, let times = block["time"]?.array else { return [] }
        let code = column(block, "weather_code")
        let high = column(block, "temperature_2m_max")
        let low = column(block, "temperature_2m_min")
        let sum = column(block, "precipitation_sum")
        let probability = column(block, "precipitation_probability_max")
        let sunrise = column(block, "sunrise")
        let sunset = column(block, "sunset")
        let daylight = column(block, "daylight_duration")
        let uvMax = column(block, "uv_index_max")
        return times.indices.compactMap { index in
            let date =
                times[index].string.flatMap { LocalDate(iso: $0) }
                ?? times[index].unixTime.map { LocalDate($0, utcOffsetSeconds: offset) }
            guard let date else { return nil }
            return DailyForecast(
                date: date, temperatureMin: low[safe: index]?.double, temperatureMax: high[safe: index]?.double,
                weatherCode: code[safe: index]?.int, precipitationSum: sum[safe: index]?.double,
                precipitationProbability: probability[safe: index]?.double,
                sunrise: sunrise[safe: index].flatMap { time($0, offset: offset) },
                sunset: sunset[safe: index].flatMap { time($0, offset: offset) },
                daylightSeconds: daylight[safe: index]?.double.flatMap { (0...86_400).contains($0) ? $0 : nil },
                uvIndexMax: uv(uvMax[safe: index]))
        }
    }

    private static func column(_ block: JSONValue, _ name: String) -> [JSONValue] { block[name]?.array ?? [] }

    private static func hourStart(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
