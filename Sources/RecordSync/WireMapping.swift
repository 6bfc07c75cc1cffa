public import RecordAPI
import RecordRules
public import RecordStore
public import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension WeatherRecord {
    /// The record as it travels to the service (RecordAPI's shape; values stay metric).
    public var wire: WireRecord {
        WireRecord(
            id: id,
            place: .init(
                name: place.name, admin1: place.admin1, country: place.country, countryCode: place.countryCode,
                latitude: place.latitude, longitude: place.longitude, timezone: place.timezone),
            observedAt: Timestamp.format(observedAt), recordedAt: Timestamp.format(recordedAt),
            provider: provider.rawValue, temperature: temperature, apparentTemperature: apparentTemperature,
            weatherCode: weatherCode, windSpeed: windSpeed, windDirection: windDirection, humidity: humidity,
            pressure: pressure, precipitation: precipitation, units: units.rawValue,
            keptOffline: keptOffline ? true : nil)
    }

    /// The record a service sent; `nil` for one this version cannot keep (it is skipped, not guessed at).
    public init?(wire: WireRecord) {
        guard wire.problems().isEmpty, let provider = ProviderID(rawValue: wire.provider),
            let observedAt = Timestamp.parse(wire.observedAt), let recordedAt = Timestamp.parse(wire.recordedAt)
        else { return nil }
        let place = Place(
            name: wire.place.name, admin1: wire.place.admin1, country: wire.place.country,
            countryCode: wire.place.countryCode, latitude: wire.place.latitude, longitude: wire.place.longitude,
            timezone: wire.place.timezone)
        self.init(
            id: wire.id, place: place, observedAt: observedAt, recordedAt: recordedAt, provider: provider,
            temperature: wire.temperature, apparentTemperature: wire.apparentTemperature,
            weatherCode: wire.weatherCode, windSpeed: wire.windSpeed, windDirection: wire.windDirection,
            humidity: wire.humidity, pressure: wire.pressure, precipitation: wire.precipitation,
            units: wire.units.flatMap(Units.init(rawValue:)) ?? .metric, keptOffline: wire.keptOffline == true)
    }
}

extension PendingChange {
    /// The change as it travels: the record, or its tombstone.
    public var wire: WireChange {
        if let deletedAt = record.deletedAt {
            return WireChange(tombstone: record.id, deletedAt: Timestamp.format(deletedAt))
        }
        return WireChange(record: record.wire)
    }
}

extension WireChange {
    /// The change for the store; `nil` for one this version cannot keep (skipped, not guessed at).
    public var remote: RemoteChange? {
        if let record {
            return WeatherRecord(wire: record).map(RemoteChange.record)
        }
        guard let text = deletedAt, let deletedAt = Timestamp.parse(text) else { return nil }
        return .tombstone(id: id, deletedAt: deletedAt)
    }
}
