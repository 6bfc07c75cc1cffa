import RecordRules
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The mapping between `WeatherRecord` and a row of the `record` table; the domain type knows nothing of SQL.
enum RecordRow {
    /// A record made here: dirty until it has reached the service.
    static let insertSQL = """
        INSERT INTO record (id, place_name, place_key, admin1, country, country_code, latitude, longitude, timezone,
            observed_at, recorded_at, provider, temperature, apparent_temperature, weather_code, wind_speed,
            wind_direction, humidity, pressure, precipitation, units, deleted_at, kept_offline, dirty)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """

    /// A record from an import: one whose id is already here is left alone (and counted as skipped).
    static let importSQL = """
        INSERT OR IGNORE INTO record (id, place_name, place_key, admin1, country, country_code, latitude, longitude,
            timezone, observed_at, recorded_at, provider, temperature, apparent_temperature, weather_code, wind_speed,
            wind_direction, humidity, pressure, precipitation, units, deleted_at, kept_offline, dirty)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """

    /// A record that came from the service: already there, so not dirty; an id already here is left alone.
    static let insertSyncedSQL = """
        INSERT OR IGNORE INTO record (id, place_name, place_key, admin1, country, country_code, latitude, longitude,
            timezone, observed_at, recorded_at, provider, temperature, apparent_temperature, weather_code, wind_speed,
            wind_direction, humidity, pressure, precipitation, units, deleted_at, kept_offline, dirty)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """

    /// A live record of the same observation: place (name and coordinates), provider and observation time.
    static let sameObservationSQL = """
        SELECT id FROM record
        WHERE observed_at = ? AND provider = ? AND deleted_at IS NULL AND place_key = ?
            AND abs(latitude - ?) < 0.000001 AND abs(longitude - ?) < 0.000001
        LIMIT 1
        """

    static func observationValues(_ record: WeatherRecord) -> [SQLiteValue] {
        [
            .integer(millis(record.observedAt)), .text(record.provider.rawValue), .text(placeKey(record.place.name)),
            .real(record.place.latitude), .real(record.place.longitude),
        ]
    }

    /// Whether `a` and `b` are the same observation (what `sameObservationSQL` finds).
    static func isSameObservation(_ a: WeatherRecord, _ b: WeatherRecord) -> Bool {
        millis(a.observedAt) == millis(b.observedAt) && a.provider == b.provider
            && placeKey(a.place.name) == placeKey(b.place.name) && abs(a.place.latitude - b.place.latitude) < 0.000001
            && abs(a.place.longitude - b.place.longitude) < 0.000001
    }

    /// `key`: the place's search key when the caller has it already (an import folds each name once).
    static func values(_ record: WeatherRecord, placeKey key: String? = nil) -> [SQLiteValue] {
        let place = record.place
        return [
            .text(record.id), .text(place.name), .text(key ?? placeKey(place.name)), text(place.admin1),
            text(place.country),
            text(place.countryCode), .real(place.latitude), .real(place.longitude), text(place.timezone),
            .integer(millis(record.observedAt)), .integer(millis(record.recordedAt)), .text(record.provider.rawValue),
            real(record.temperature), real(record.apparentTemperature),
            record.weatherCode.map { .integer(Int64($0)) } ?? .null, real(record.windSpeed), real(record.windDirection),
            real(record.humidity), real(record.pressure), real(record.precipitation), .text(record.units.rawValue),
            record.deletedAt.map { .integer(millis($0)) } ?? .null, .integer(record.keptOffline ? 1 : 0),
        ]
    }

    /// The record in a row; `nil` for a row this version cannot read (it is skipped, never rewritten).
    static func record(_ row: SQLiteConnection.Row) -> WeatherRecord? {
        guard let id = row.text("id"), let name = row.text("place_name"), let latitude = row.double("latitude"),
            let longitude = row.double("longitude"), let observed = row.integer("observed_at"),
            let recorded = row.integer("recorded_at"), let provider = row.text("provider").flatMap(ProviderID.init),
            let units = row.text("units").flatMap(Units.init)
        else { return nil }
        let place = Place(
            name: name, admin1: row.text("admin1"), country: row.text("country"), countryCode: row.text("country_code"),
            latitude: latitude, longitude: longitude, timezone: row.text("timezone"))
        return WeatherRecord(
            id: id, place: place, observedAt: date(observed), recordedAt: date(recorded), provider: provider,
            temperature: row.double("temperature"), apparentTemperature: row.double("apparent_temperature"),
            weatherCode: row.integer("weather_code").map { Int($0) }, windSpeed: row.double("wind_speed"),
            windDirection: row.double("wind_direction"), humidity: row.double("humidity"),
            pressure: row.double("pressure"), precipitation: row.double("precipitation"), units: units,
            deletedAt: row.integer("deleted_at").map(date), keptOffline: row.integer("kept_offline") == 1)
    }

    /// Refuses a record that `RecordRules` (the one set of rules every way in shares) does not admit.
    /// - Throws: `RecordStoreError.invalidRecord` naming the first field at fault.
    static func validate(_ record: WeatherRecord) throws(RecordStoreError) {
        if let problem = RecordRules.problems(fields(of: record)).first {
            throw .invalidRecord("\(problem.field) \(problem.message)")
        }
    }

    /// `record` as `RecordRules` reads it.
    static func fields(of record: WeatherRecord) -> RecordFields {
        RecordFields(
            id: record.id, placeName: record.place.name, admin1: record.place.admin1, country: record.place.country,
            countryCode: record.place.countryCode, latitude: record.place.latitude,
            longitude: record.place.longitude, timezone: record.place.timezone,
            observedAt: UnixTime(secondsSince1970: record.observedAt.timeIntervalSince1970),
            recordedAt: UnixTime(secondsSince1970: record.recordedAt.timeIntervalSince1970),
            provider: record.provider.rawValue, temperature: record.temperature,
            apparentTemperature: record.apparentTemperature, weatherCode: record.weatherCode.map(Double.init),
            windSpeed: record.windSpeed, windDirection: record.windDirection, humidity: record.humidity,
            pressure: record.pressure, precipitation: record.precipitation, units: record.units.rawValue)
    }

    static func placeKey(_ name: String) -> String { Place.searchKey(name) }

    /// Milliseconds since 1970, the unit timestamps are stored in.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    private static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    private static func real(_ value: Double?) -> SQLiteValue { value.map(SQLiteValue.real) ?? .null }
}
