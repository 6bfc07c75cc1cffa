public import Foundation
public import RecordAPI
import RecordSync
public import WeatherCore

/// The one record factory of the tests: valid records, each its own observation, made from a number.
public enum SampleRecord {
    public static let paris = place("Paris")
    public static let saoPaulo = Place(
        name: "São Paulo", admin1: "São Paulo", countryCode: "BR", latitude: -23.5475, longitude: -46.63611,
        timezone: "America/Sao_Paulo")

    /// A place of that name, in Île-de-France.
    public static func place(_ name: String) -> Place {
        Place(name: name, admin1: "Île-de-France", countryCode: "FR", latitude: 48.85, longitude: 2.35)
    }

    /// The id of record `index`: its number in hex at the end, and its last hex digit in the first group too, so
    /// that the eight-character prefixes people type differ from one record to the next.
    public static func id(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return "0000000" + hex.suffix(1) + "-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// Record `index` (with `id`, when given, instead of its own), observed at `observedAt` (by default a second per index after 2026-11-18T09:46:40Z) and kept
    /// at `recordedAt` (by default 10,000 s after its observation).
    public static func make(
        _ index: Int, id: String? = nil, place: Place = paris, observedAt: Date? = nil, recordedAt: Date? = nil,
        temperature: Double? = nil, weatherCode: Int? = 3, humidity: Double? = 50, units: Units = .metric
    ) -> WeatherRecord {
        let observed = observedAt ?? Date(timeIntervalSince1970: Double(1_795_780_000 + index))
        return WeatherRecord(
            id: id ?? Self.id(index), place: place, observedAt: observed,
            recordedAt: recordedAt ?? observed.addingTimeInterval(10_000), provider: .openMeteo,
            temperature: temperature ?? Double(index) / 10, weatherCode: weatherCode, humidity: humidity, units: units)
    }

    /// Record `index` as it travels to the service, with every optional value of the wire set (23.5° unless told).
    public static func wire(
        _ index: Int, place: Place = saoPaulo, observedAt: Date? = nil, recordedAt: Date? = nil,
        temperature: Double = 23.5
    ) -> WireRecord {
        var record = make(
            index, place: place, observedAt: observedAt, recordedAt: recordedAt, temperature: temperature
        ).wire
        record.apparentTemperature = 24.1
        record.windSpeed = 10.2
        record.windDirection = 90
        record.pressure = 1012
        record.precipitation = 0
        return record
    }
}
