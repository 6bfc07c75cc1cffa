#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The stable JSON of `meteo now --json`: values in the chosen units, `null` for what the provider did not send.
public struct WeatherReport: Encodable, Sendable {
    public let forecast: Forecast
    public let units: Units
    public let language: Language
    public let stale: Bool

    public init(forecast: Forecast, units: Units, language: Language, stale: Bool) {
        self.forecast = forecast
        self.units = units
        self.language = language
        self.stale = stale
    }

    /// The report as pretty, key-sorted JSON text.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private enum Key: String, CodingKey {
        case provider
        case fetchedAt = "fetched_at"
        case stale, units, place, current, hourly, daily
        case system, temperature
        case windSpeed = "wind_speed"
        case pressure, precipitation
        case name, admin1, country
        case countryCode = "country_code"
        case latitude, longitude, timezone, population
        case utcOffsetSeconds = "utc_offset_seconds"
        case time, date
        case apparentTemperature = "apparent_temperature"
        case weatherCode = "weather_code"
        case description
        case humidity
        case windDirection = "wind_direction"
        case isDay = "is_day"
        case precipitationProbability = "precipitation_probability"
        case temperatureMin = "temperature_min"
        case temperatureMax = "temperature_max"
        case precipitationSum = "precipitation_sum"
    }

    public func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Key.self)
        let offset = forecast.utcOffsetSeconds
        try root.encode(forecast.provider.rawValue, forKey: .provider)
        try root.encode(CivilTime.rfc3339(forecast.fetchedAt), forKey: .fetchedAt)
        try root.encode(stale, forKey: .stale)

        var unitBlock = root.nestedContainer(keyedBy: Key.self, forKey: .units)
        try unitBlock.encode(units.rawValue, forKey: .system)
        try unitBlock.encode(units.temperatureSymbol, forKey: .temperature)
        try unitBlock.encode(units.speedSymbol, forKey: .windSpeed)
        try unitBlock.encode(units.pressureSymbol, forKey: .pressure)
        try unitBlock.encode(units.precipitationSymbol, forKey: .precipitation)

        try Self.encodePlace(
            forecast.place, offset: offset, into: root.nestedContainer(keyedBy: Key.self, forKey: .place))

        if let current = forecast.current {
            var block = root.nestedContainer(keyedBy: Key.self, forKey: .current)
            try block.encode(CivilTime.rfc3339(current.time, utcOffsetSeconds: offset), forKey: .time)
            try block.encode(temperature(current.temperature), forKey: .temperature)
            try block.encode(temperature(current.apparentTemperature), forKey: .apparentTemperature)
            try block.encode(current.weatherCode, forKey: .weatherCode)
            try block.encode(describe(current.weatherCode), forKey: .description)
            try block.encode(current.humidity, forKey: .humidity)
            try block.encode(current.windSpeed.map { NumberText.rounded(units.speed($0), 1) }, forKey: .windSpeed)
            try block.encode(current.windDirection, forKey: .windDirection)
            try block.encode(pressure(current.pressure), forKey: .pressure)
            try block.encode(precipitation(current.precipitation), forKey: .precipitation)
            try block.encode(current.isDay, forKey: .isDay)
        } else {
            try root.encodeNil(forKey: .current)
        }

        var hours = root.nestedUnkeyedContainer(forKey: .hourly)
        for hour in forecast.hourly {
            var block = hours.nestedContainer(keyedBy: Key.self)
            try block.encode(CivilTime.rfc3339(hour.time, utcOffsetSeconds: offset), forKey: .time)
            try block.encode(temperature(hour.temperature), forKey: .temperature)
            try block.encode(hour.precipitationProbability, forKey: .precipitationProbability)
            try block.encode(precipitation(hour.precipitation), forKey: .precipitation)
            try block.encode(hour.weatherCode, forKey: .weatherCode)
            try block.encode(describe(hour.weatherCode), forKey: .description)
        }

        var days = root.nestedUnkeyedContainer(forKey: .daily)
        for day in forecast.daily {
            var block = days.nestedContainer(keyedBy: Key.self)
            try block.encode(day.date.description, forKey: .date)
            try block.encode(temperature(day.temperatureMin), forKey: .temperatureMin)
            try block.encode(temperature(day.temperatureMax), forKey: .temperatureMax)
            try block.encode(day.weatherCode, forKey: .weatherCode)
            try block.encode(describe(day.weatherCode), forKey: .description)
            try block.encode(precipitation(day.precipitationSum), forKey: .precipitationSum)
            try block.encode(day.precipitationProbability, forKey: .precipitationProbability)
        }
    }

    private static func encodePlace(_ place: Place, offset: Int?, into container: KeyedEncodingContainer<Key>) throws {
        var block = container
        try block.encode(place.name, forKey: .name)
        try block.encode(place.admin1, forKey: .admin1)
        try block.encode(place.country, forKey: .country)
        try block.encode(place.countryCode, forKey: .countryCode)
        try block.encode(place.latitude, forKey: .latitude)
        try block.encode(place.longitude, forKey: .longitude)
        try block.encode(place.timezone, forKey: .timezone)
        try block.encode(place.population, forKey: .population)
        if let offset { try block.encode(offset, forKey: .utcOffsetSeconds) }
    }

    private func temperature(_ value: Double?) -> Double? { value.map { NumberText.rounded(units.temperature($0), 1) } }
    private func pressure(_ value: Double?) -> Double? {
        value.map { NumberText.rounded(units.pressure($0), units == .metric ? 1 : 2) }
    }
    private func precipitation(_ value: Double?) -> Double? {
        value.map { NumberText.rounded(units.precipitation($0), units == .metric ? 1 : 2) }
    }
    private func describe(_ code: Int?) -> String? { code.map { WeatherCode($0).description(in: language) } }

    /// The candidates of `meteo search --json`, best first.
    public static func placesJSON(_ places: [Place]) -> String {
        struct PlaceList: Encodable {
            let places: [Place]
            func encode(to encoder: any Encoder) throws {
                var list = encoder.unkeyedContainer()
                for place in places {
                    try WeatherReport.encodePlace(place, offset: nil, into: list.nestedContainer(keyedBy: Key.self))
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(PlaceList(places: places)) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
