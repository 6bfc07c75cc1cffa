#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A weather result a person chose to keep: an immutable snapshot, values metric.
public struct WeatherRecord: Sendable, Hashable {
    /// A UUID made by the client, lower-case with hyphens.
    public var id: String
    public var place: Place
    /// When the weather was observed (the provider's time).
    public var observedAt: Date
    /// When the person kept it.
    public var recordedAt: Date
    public var provider: ProviderID
    public var temperature: Double?
    public var apparentTemperature: Double?
    public var weatherCode: Int?
    public var windSpeed: Double?
    public var windDirection: Double?
    public var humidity: Double?
    public var pressure: Double?
    public var precipitation: Double?
    /// The unit system the result was shown in when it was kept (values stay metric).
    public var units: Units
    /// Set when the record was deleted (a tombstone).
    public var deletedAt: Date?
    /// Kept from an offline result (the last answer, from the cache): `observedAt` is that answer's time, and
    /// when the answer's own current weather had grown old, what its forecast said for that hour.
    public var keptOffline: Bool

    public init(
        id: String, place: Place, observedAt: Date, recordedAt: Date, provider: ProviderID,
        temperature: Double? = nil, apparentTemperature: Double? = nil, weatherCode: Int? = nil,
        windSpeed: Double? = nil, windDirection: Double? = nil, humidity: Double? = nil, pressure: Double? = nil,
        precipitation: Double? = nil, units: Units = .metric, deletedAt: Date? = nil, keptOffline: Bool = false
    ) {
        self.id = id
        self.place = place
        self.observedAt = observedAt
        self.recordedAt = recordedAt
        self.provider = provider
        self.temperature = temperature
        self.apparentTemperature = apparentTemperature
        self.weatherCode = weatherCode
        self.windSpeed = windSpeed
        self.windDirection = windDirection
        self.humidity = humidity
        self.pressure = pressure
        self.precipitation = precipitation
        self.units = units
        self.deletedAt = deletedAt
        self.keptOffline = keptOffline
    }

    /// A record of `forecast`'s current conditions; `nil` when the forecast has none. `offline` when the
    /// forecast is the last answer, shown because the network or the service failed.
    public init?(forecast: Forecast, id: String, recordedAt: Date, units: Units, offline: Bool = false) {
        guard let current = forecast.current else { return nil }
        self.init(
            id: id, place: forecast.place, observedAt: current.time, recordedAt: recordedAt,
            provider: forecast.provider, temperature: current.temperature,
            apparentTemperature: current.apparentTemperature, weatherCode: current.weatherCode,
            windSpeed: current.windSpeed, windDirection: current.windDirection, humidity: current.humidity,
            pressure: current.pressure, precipitation: current.precipitation, units: units,
            keptOffline: offline || forecast.currentIsForecast == true)
    }

    /// Whether `text` is a UUID in the canonical 8-4-4-4-12 hexadecimal form.
    public static func isValidID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
