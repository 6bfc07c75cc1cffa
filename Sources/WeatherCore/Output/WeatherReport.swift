public import TextFormats

/// The stable JSON of `meteo now --json`: values in the chosen units, `null` for what the provider did not send.
public struct WeatherReport: Sendable {
    public let forecast: Forecast
    public let units: Units
    public let language: Language
    public let stale: Bool
    /// Why the air quality is missing, when only its request failed (`air_quality_error`).
    public let airFailure: String?
    /// How meteo-records' cache answered, when the weather came through its gateway (`service`).
    public let gateway: GatewayCacheOutcome?

    public init(
        forecast: Forecast, units: Units, language: Language, stale: Bool, airFailure: String? = nil,
        gateway: GatewayCacheOutcome? = nil
    ) {
        self.forecast = forecast
        self.units = units
        self.language = language
        self.stale = stale
        self.airFailure = airFailure
        self.gateway = gateway
    }

    /// The report as pretty, key-sorted JSON text.
    public func json() -> String { jsonValue.serialized(pretty: true) }

    /// The report as a JSON tree.
    public var jsonValue: JSONValue {
        let offset = forecast.utcOffsetSeconds
        var current = JSONValue.null
        if let now = forecast.current {
            current = .object([
                "time": .string(CivilTime.rfc3339(now.time, utcOffsetSeconds: offset)),
                "temperature": temperature(now.temperature),
                "apparent_temperature": temperature(now.apparentTemperature),
                "weather_code": number(now.weatherCode.map(Double.init)),
                "description": describe(now.weatherCode),
                "humidity": number(now.humidity),
                "wind_speed": number(now.windSpeed.map { NumberText.rounded(units.speed($0), 1) }),
                "wind_direction": number(now.windDirection),
                "pressure": pressure(now.pressure),
                "precipitation": precipitation(now.precipitation),
                "is_day": now.isDay.map(JSONValue.bool) ?? .null,
                "uv_index": number(now.uvIndex),
            ])
        }
        let hourly = forecast.hourly.map { hour -> JSONValue in
            .object([
                "time": .string(CivilTime.rfc3339(hour.time, utcOffsetSeconds: offset)),
                "temperature": temperature(hour.temperature),
                "precipitation_probability": number(hour.precipitationProbability),
                "precipitation": precipitation(hour.precipitation),
                "uv_index": number(hour.uvIndex),
                "weather_code": number(hour.weatherCode.map(Double.init)),
                "description": describe(hour.weatherCode),
            ])
        }
        let daily = forecast.daily.map { day -> JSONValue in
            .object([
                "date": .string(day.date.description),
                "temperature_min": temperature(day.temperatureMin),
                "temperature_max": temperature(day.temperatureMax),
                "weather_code": number(day.weatherCode.map(Double.init)),
                "description": describe(day.weatherCode),
                "precipitation_sum": precipitation(day.precipitationSum),
                "precipitation_probability": number(day.precipitationProbability),
                "sunrise": day.sunrise.map { .string(CivilTime.rfc3339($0, utcOffsetSeconds: offset)) } ?? .null,
                "sunset": day.sunset.map { .string(CivilTime.rfc3339($0, utcOffsetSeconds: offset)) } ?? .null,
                "daylight_seconds": number(day.daylightSeconds?.rounded()),
                "uv_index_max": number(day.uvIndexMax),
            ])
        }
        var place = Self.placeValue(forecast.place)
        place["utc_offset_seconds"] = .number(Double(offset))
        let outlook = Outlook(forecast, now: forecast.fetchedAt).json(.forLanguage(language))
        var service = JSONValue.null
        if let gateway {
            let age: JSONValue = gateway.ageSeconds.map { .number(Double($0)) } ?? .null
            service = .object(["cache": .string(gateway.kind.rawValue), "age_seconds": age])
        }
        return .object(
            outlook.merging([
                "provider": .string(forecast.provider.rawValue),
                "fetched_at": .string(CivilTime.rfc3339(forecast.fetchedAt)),
                "stale": .bool(stale),
                "current_is_forecast": .bool(forecast.currentIsForecast == true),
                "units": .object([
                    "system": .string(units.rawValue),
                    "temperature": .string(units.temperatureSymbol),
                    "wind_speed": .string(units.speedSymbol),
                    "pressure": .string(units.pressureSymbol),
                    "precipitation": .string(units.precipitationSymbol),
                ]),
                "place": .object(place),
                "current": current,
                "hourly": .array(hourly),
                "daily": .array(daily),
                "air_quality_error": airFailure.map(JSONValue.string) ?? .null,
                "service": service,
            ]) { $1 })
    }

    /// The candidates of `meteo search --json`, best first.
    public static func placesJSON(_ places: [Place]) -> String {
        JSONValue.array(places.map { .object(placeValue($0)) }).serialized(pretty: true)
    }

    static func placeValue(_ place: Place) -> [String: JSONValue] {
        [
            "name": .string(place.name),
            "admin1": place.admin1.map(JSONValue.string) ?? .null,
            "country": place.country.map(JSONValue.string) ?? .null,
            "country_code": place.countryCode.map(JSONValue.string) ?? .null,
            "latitude": .number(place.latitude),
            "longitude": .number(place.longitude),
            "timezone": place.timezone.map(JSONValue.string) ?? .null,
            "population": place.population.map { .number(Double($0)) } ?? .null,
        ]
    }

    private func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    private func temperature(_ value: Double?) -> JSONValue {
        number(value.map { NumberText.rounded(units.temperature($0), 1) })
    }
    private func pressure(_ value: Double?) -> JSONValue {
        number(value.map { NumberText.rounded(units.pressure($0), units == .metric ? 1 : 2) })
    }
    private func precipitation(_ value: Double?) -> JSONValue {
        number(value.map { NumberText.rounded(units.precipitation($0), units == .metric ? 1 : 2) })
    }
    private func describe(_ code: Int?) -> JSONValue {
        code.map { .string(WeatherCode($0).description(in: language)) } ?? .null
    }
}
