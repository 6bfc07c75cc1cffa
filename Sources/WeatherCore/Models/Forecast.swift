#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The weather at one moment: every value metric (°C, km/h, hPa, mm, %), `nil` when the provider did not send it.
public struct Conditions: Sendable, Hashable, Codable {
    public var time: Date
    public var temperature: Double?
    public var apparentTemperature: Double?
    public var weatherCode: Int?
    public var humidity: Double?
    public var windSpeed: Double?
    public var windDirection: Double?
    public var pressure: Double?
    public var precipitation: Double?
    public var isDay: Bool?
    /// The UV index (0 and up; WHO's scale).
    public var uvIndex: Double?

    public init(
        time: Date, temperature: Double? = nil, apparentTemperature: Double? = nil, weatherCode: Int? = nil,
        humidity: Double? = nil, windSpeed: Double? = nil, windDirection: Double? = nil, pressure: Double? = nil,
        precipitation: Double? = nil, isDay: Bool? = nil, uvIndex: Double? = nil
    ) {
        self.uvIndex = uvIndex
        self.time = time
        self.temperature = temperature
        self.apparentTemperature = apparentTemperature
        self.weatherCode = weatherCode
        self.humidity = humidity
        self.windSpeed = windSpeed
        self.windDirection = windDirection
        self.pressure = pressure
        self.precipitation = precipitation
        self.isDay = isDay
    }
}

/// One hour of the forecast (metric values).
public struct HourlyForecast: Sendable, Hashable, Codable {
    public var time: Date
    public var temperature: Double?
    public var precipitationProbability: Double?
    /// Millimetres in the hour that ends at `time` (Open-Meteo's convention; OpenWeatherMap's 3-hour blocks are
    /// spread over their hours).
    public var precipitation: Double?
    public var weatherCode: Int?
    public var uvIndex: Double?

    public init(
        time: Date, temperature: Double? = nil, precipitationProbability: Double? = nil,
        precipitation: Double? = nil, weatherCode: Int? = nil, uvIndex: Double? = nil
    ) {
        self.uvIndex = uvIndex
        self.time = time
        self.temperature = temperature
        self.precipitationProbability = precipitationProbability
        self.precipitation = precipitation
        self.weatherCode = weatherCode
    }
}

/// One day of the forecast, dated in the place's own calendar (metric values).
public struct DailyForecast: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var temperatureMin: Double?
    public var temperatureMax: Double?
    public var weatherCode: Int?
    public var precipitationSum: Double?
    public var precipitationProbability: Double?
    public var sunrise: Date?
    public var sunset: Date?
    /// Seconds between sunrise and sunset (0 in polar night, 86,400 under the midnight sun).
    public var daylightSeconds: Double?
    public var uvIndexMax: Double?

    public init(
        date: LocalDate, temperatureMin: Double? = nil, temperatureMax: Double? = nil, weatherCode: Int? = nil,
        precipitationSum: Double? = nil, precipitationProbability: Double? = nil, sunrise: Date? = nil,
        sunset: Date? = nil, daylightSeconds: Double? = nil, uvIndexMax: Double? = nil
    ) {
        self.sunrise = sunrise
        self.sunset = sunset
        self.daylightSeconds = daylightSeconds
        self.uvIndexMax = uvIndexMax
        self.date = date
        self.temperatureMin = temperatureMin
        self.temperatureMax = temperatureMax
        self.weatherCode = weatherCode
        self.precipitationSum = precipitationSum
        self.precipitationProbability = precipitationProbability
    }
}

extension DailyForecast {
    /// Whether the day holds weather to list (a day may carry only its sun).
    public var hasWeather: Bool { temperatureMin != nil || temperatureMax != nil || weatherCode != nil }
}

/// Everything one provider said about one place: now, the next hours and the next days.
public struct Forecast: Sendable, Hashable, Codable {
    public var place: Place
    public var provider: ProviderID
    /// The place's offset from UTC when the forecast was made; local times are shown with it.
    public var utcOffsetSeconds: Int
    public var current: Conditions?
    public var hourly: [HourlyForecast]
    public var daily: [DailyForecast]
    public var fetchedAt: Date
    /// `current` is what the forecast made at `fetchedAt` said for its hour, not an observation (an offline
    /// result whose own current block had grown old: see `forPresent(at:)`).
    public var currentIsForecast: Bool?
    /// Precipitation by quarter hour, from now, where the provider offers it (Open-Meteo's `minutely_15`).
    public var quarterHours: [QuarterHour]?
    /// The air at the place when the forecast was fetched, asked beside it.
    public var airQuality: AirQuality?

    public init(
        place: Place, provider: ProviderID, utcOffsetSeconds: Int, current: Conditions?,
        hourly: [HourlyForecast] = [], daily: [DailyForecast] = [], fetchedAt: Date
    ) {
        self.place = place
        self.provider = provider
        self.utcOffsetSeconds = utcOffsetSeconds
        self.current = current
        self.hourly = hourly
        self.daily = daily
        self.fetchedAt = fetchedAt
    }
}

extension Forecast {
    /// This result as it may be shown at `now`: itself while its current block is less than an hour old; else
    /// with `current` taken from the forecast hour that holds `now` (marked `currentIsForecast`) and the hours and
    /// days already past dropped; `nil` when it no longer covers the present, so it must not be shown as the
    /// weather now.
    public func forPresent(at now: Date) -> Forecast? {
        if let current, currentIsForecast != true, abs(now.timeIntervalSince(current.time)) < 3600 { return self }
        guard let index = hourly.lastIndex(where: { $0.time <= now }),
            now.timeIntervalSince(hourly[index].time) < 3600
        else { return nil }
        let hour = hourly[index]
        var present = self
        present.current = Conditions(
            time: hour.time, temperature: hour.temperature, weatherCode: hour.weatherCode,
            precipitation: hour.precipitation)
        present.currentIsForecast = true
        present.hourly = Array(hourly[index...])
        let today = LocalDate(now, utcOffsetSeconds: utcOffsetSeconds)
        present.daily = daily.filter { $0.date >= today }
        present.quarterHours = quarterHours?.filter { $0.time > now }
        return present
    }
}

/// Fifteen minutes of precipitation: millimetres in the quarter hour that ends at `time`.
public struct QuarterHour: Sendable, Hashable, Codable {
    public var time: Date
    public var precipitation: Double?

    public init(time: Date, precipitation: Double?) {
        self.time = time
        self.precipitation = precipitation
    }
}

/// The weather services meteo can ask.
public enum ProviderID: String, Sendable, Hashable, Codable, CaseIterable {
    case openMeteo = "open-meteo"
    case openWeatherMap = "openweathermap"

    /// The name people know the service by.
    public var displayName: String {
        switch self {
        case .openMeteo: "Open-Meteo"
        case .openWeatherMap: "OpenWeatherMap"
        }
    }
}
