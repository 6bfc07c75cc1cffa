import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The mapping between `WeatherRecord` and a row of the `record` table; the domain type knows nothing of SQL.
enum RecordRow {
    static let insertSQL = """
        INSERT INTO record (id, place_name, place_key, admin1, country, country_code, latitude, longitude, timezone,
            observed_at, recorded_at, provider, temperature, apparent_temperature, weather_code, wind_speed,
            wind_direction, humidity, pressure, precipitation, units, deleted_at, dirty)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """

    /// A record that came from the service: already there, so not dirty; an id already here is left alone.
    static let insertSyncedSQL = "INSERT OR IGNORE" + insertSQL.dropFirst("INSERT".count).dropLast(2) + "0)"

    static func values(_ record: WeatherRecord) -> [SQLiteValue] {
        let place = record.place
        return [
            .text(record.id), .text(place.name), .text(placeKey(place.name)), text(place.admin1), text(place.country),
            text(place.countryCode), .real(place.latitude), .real(place.longitude), text(place.timezone),
            .integer(millis(record.observedAt)), .integer(millis(record.recordedAt)), .text(record.provider.rawValue),
            real(record.temperature), real(record.apparentTemperature),
            record.weatherCode.map { .integer(Int64($0)) } ?? .null, real(record.windSpeed), real(record.windDirection),
            real(record.humidity), real(record.pressure), real(record.precipitation), .text(record.units.rawValue),
            record.deletedAt.map { .integer(millis($0)) } ?? .null,
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
            deletedAt: row.integer("deleted_at").map(date))
    }

    /// Checks what the schema's constraints would refuse, to say it in words.
    static func validate(_ record: WeatherRecord) throws(RecordStoreError) {
        guard WeatherRecord.isValidID(record.id), record.id == record.id.lowercased() else {
            throw .invalidRecord("id '\(record.id)' is not a lower-case UUID")
        }
        guard !record.place.name.isEmpty, record.place.name.count <= 200 else {
            throw .invalidRecord("place name must be 1 to 200 characters")
        }
        guard Place.isValid(latitude: record.place.latitude, longitude: record.place.longitude) else {
            throw .invalidRecord("coordinates out of range")
        }
        if let code = record.place.countryCode, code.count != 2 {
            throw .invalidRecord("country code '\(code)' is not two letters")
        }
        if let humidity = record.humidity, !(0...100).contains(humidity) {
            throw .invalidRecord("humidity \(humidity) is not a percentage")
        }
        let numbers = [
            record.temperature, record.apparentTemperature, record.windSpeed, record.windDirection,
            record.humidity, record.pressure, record.precipitation,
        ].compactMap { $0 }
        guard numbers.allSatisfy(\.isFinite) else { throw .invalidRecord("a value is not a finite number") }
    }

    static func placeKey(_ name: String) -> String { Place.searchKey(name) }

    /// Milliseconds since 1970, the unit timestamps are stored in.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    private static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    private static func real(_ value: Double?) -> SQLiteValue { value.map(SQLiteValue.real) ?? .null }
}
