import RecordAPI
import RecordRules
public import TextFormats
public import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Records to and from JSON and CSV, for `meteo export`, `meteo import` and `--json` output.
///
/// The JSON shape is the wire shape of DESIGN.md ("A record on the wire") plus `units` and `deleted_at`;
/// values are metric and times RFC 3339 UTC, so export → import gives back exactly the same records.
public enum RecordExchange {
    /// One record as JSON.
    public static func jsonValue(_ record: WeatherRecord) -> JSONValue {
        let place = record.place
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object([
            "id": .string(record.id),
            "place": .object([
                "name": .string(place.name), "admin1": place.admin1.map(JSONValue.string) ?? .null,
                "country": place.country.map(JSONValue.string) ?? .null,
                "country_code": place.countryCode.map(JSONValue.string) ?? .null,
                "latitude": .number(place.latitude), "longitude": .number(place.longitude),
                "timezone": place.timezone.map(JSONValue.string) ?? .null,
            ]),
            "observed_at": .string(timestamp(record.observedAt)),
            "recorded_at": .string(timestamp(record.recordedAt)),
            "provider": .string(record.provider.rawValue),
            "temperature": number(record.temperature),
            "apparent_temperature": number(record.apparentTemperature),
            "weather_code": number(record.weatherCode.map(Double.init)),
            "wind_speed": number(record.windSpeed), "wind_direction": number(record.windDirection),
            "humidity": number(record.humidity), "pressure": number(record.pressure),
            "precipitation": number(record.precipitation),
            "units": .string(record.units.rawValue),
            "deleted_at": record.deletedAt.map { .string(timestamp($0)) } ?? .null,
            "kept_offline": .bool(record.keptOffline),
        ])
    }

    /// A record from JSON.
    /// - Throws: `RecordStoreError.invalidRecord` naming the field at fault.
    public static func record(from value: JSONValue) throws(RecordStoreError) -> WeatherRecord {
        let place = value["place"]
        return try record { field in
            if let key = field.placeKey { return place?[key] }
            return value[field.name]
        }
    }

    /// A record from its fields, however a format holds them: nil for a field that is absent, `.null` for one
    /// that is null. Every import reads records here, so one set of conversions (and then `RecordRules`)
    /// decides for every format.
    static func record(_ field: (RecordField) -> JSONValue?) throws(RecordStoreError) -> WeatherRecord {
        func required(_ name: RecordField) throws(RecordStoreError) -> JSONValue {
            guard let found = field(name) else { throw .invalidRecord("missing \(name.name)") }
            return found
        }
        func time(_ name: RecordField) throws(RecordStoreError) -> Date {
            guard let text = try required(name).string, let date = CivilTime.parseRFC3339(text) else {
                throw .invalidRecord("\(name.name) is not an RFC 3339 time")
            }
            return date
        }
        func optionalNumber(_ name: RecordField) throws(RecordStoreError) -> Double? {
            guard let found = field(name), found != .null else { return nil }
            guard let number = found.double else { throw .invalidRecord("\(name.name) is not a number") }
            return number
        }
        guard let id = try required(.id).string else { throw .invalidRecord("id is not a string") }
        // Checked before it becomes an Int: a number such as 1e300 or 1.5 must be refused, never trap or be cut.
        func weatherCode() throws(RecordStoreError) -> Int? {
            guard let number = try optionalNumber(.weatherCode) else { return nil }
            guard let code = Int(exactly: number), RecordRules.weatherCodes.contains(code) else {
                throw .invalidRecord("weather_code must be a WMO weather code (0, 1, 2, 3, 45 … 99)")
            }
            return code
        }
        func keptOffline() throws(RecordStoreError) -> Bool {
            guard let given = field(.keptOffline), given != .null else { return false }
            guard case .bool(let flag) = given else { throw .invalidRecord("kept_offline is not true or false") }
            return flag
        }
        guard let name = field(.placeName)?.string, let latitude = field(.latitude)?.double,
            let longitude = field(.longitude)?.double
        else { throw .invalidRecord("place needs name, latitude and longitude") }
        guard let provider = try required(.provider).string.flatMap(ProviderID.init) else {
            throw .invalidRecord("unknown provider")
        }
        var units = Units.metric
        if let given = field(.units), given != .null {
            guard let known = given.string.flatMap(Units.init) else {
                throw .invalidRecord("units must be metric or imperial")
            }
            units = known
        }
        var deletedAt: Date?
        if let deleted = field(.deletedAt), deleted != .null { deletedAt = try time(.deletedAt) }
        let record = WeatherRecord(
            id: id,
            place: Place(
                name: name, admin1: field(.admin1)?.string, country: field(.country)?.string,
                countryCode: field(.countryCode)?.string, latitude: latitude, longitude: longitude,
                timezone: field(.timezone)?.string),
            observedAt: try time(.observedAt), recordedAt: try time(.recordedAt), provider: provider,
            temperature: try optionalNumber(.temperature),
            apparentTemperature: try optionalNumber(.apparentTemperature),
            weatherCode: try weatherCode(),
            windSpeed: try optionalNumber(.windSpeed), windDirection: try optionalNumber(.windDirection),
            humidity: try optionalNumber(.humidity), pressure: try optionalNumber(.pressure),
            precipitation: try optionalNumber(.precipitation), units: units, deletedAt: deletedAt,
            keptOffline: try keptOffline())
        try RecordRow.validate(record)
        return record
    }

    /// `{"records": [...]}` with every record.
    public static func exportJSON(_ records: [WeatherRecord]) -> String {
        var text = ""
        var writer = JSONExport()
        for record in records { text += writer.piece(record) }
        return text + writer.end()
    }

    /// `exportJSON` written piece by piece, a record at a time, for a history of any size.
    public struct JSONExport {
        private var count = 0

        public init() {}

        /// The text that puts `record` in the document (the document's start before the first).
        public mutating func piece(_ record: WeatherRecord) -> String {
            defer { count += 1 }
            return (count == 0 ? "{\n  \"records\" : [\n    " : ",\n    ") + jsonValue(record).serialized(indent: 2)
        }

        /// The document's end.
        public func end() -> String { count == 0 ? "{\n  \"records\" : []\n}" : "\n  ]\n}" }
    }

    /// The header row of meteo's CSV.
    public static var csvHeader: String { csvColumns.joined(separator: ",") }

    static let csvColumns = RecordField.allCases.map(\.name)

    /// RFC 4180 CSV with a header row; empty cells for missing values.
    public static func exportCSV(_ records: [WeatherRecord]) -> String {
        ([csvHeader] + records.map(csvLine)).joined(separator: "\n") + "\n"
    }

    /// One record as a CSV line (no line break).
    public static func csvLine(_ record: WeatherRecord) -> String {
        let place = record.place
        let cells: [String?] = [
            record.id, place.name, place.admin1, place.country, place.countryCode,
            JSONValue.numberText(place.latitude),
            JSONValue.numberText(place.longitude), place.timezone, timestamp(record.observedAt),
            timestamp(record.recordedAt), record.provider.rawValue, record.temperature.map(JSONValue.numberText),
            record.apparentTemperature.map(JSONValue.numberText), record.weatherCode.map(String.init),
            record.windSpeed.map(JSONValue.numberText), record.windDirection.map(JSONValue.numberText),
            record.humidity.map(JSONValue.numberText), record.pressure.map(JSONValue.numberText),
            record.precipitation.map(JSONValue.numberText), record.units.rawValue, record.deletedAt.map(timestamp),
            record.keptOffline ? "true" : "false",
        ]
        return cells.map { csvCell($0 ?? "") }.joined(separator: ",")
    }

    /// Reads what `exportJSON` or `exportCSV` wrote (the format is told apart by its first character).
    /// - Throws: `RecordStoreError.invalidRecord` with the record number or line at fault.
    public static func parse(_ text: String) throws(RecordStoreError) -> [WeatherRecord] {
        var reader = RecordReader(bytes: Array(text.utf8))
        var records: [WeatherRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Checks a CSV header row: every column, or every column but `kept_offline` (files from before it).
    static func csvHeader(_ row: [String]) throws(RecordStoreError) -> [String] {
        guard row == csvColumns || row == Array(csvColumns.dropLast()) else {
            throw .invalidRecord("the CSV header is not meteo's (\(csvColumns.prefix(3).joined(separator: ",")),…)")
        }
        return row
    }

    /// The record in one CSV row under `header` (meteo's columns, in order, perhaps without the last); `line`
    /// names it in errors. Cells are read by position, with no dictionary of names per row.
    static func record(csvRow row: [String], header: [String], line index: Int) throws(RecordStoreError)
        -> WeatherRecord
    {
        guard row.count == header.count else {
            throw .invalidRecord("line \(index + 2): \(row.count) cells, expected \(header.count)")
        }
        var values = [JSONValue?](repeating: nil, count: RecordField.allCases.count)
        for (column, cell) in row.enumerated() where !cell.isEmpty {
            let field = RecordField.allCases[column]
            switch field.kind {
            case .text:
                values[column] = .string(cell)
            case .number:
                // A plain decimal number: " 5", "1_000" or "0x10" are refused, never read as something else.
                guard let number = decimal(cell) else {
                    throw .invalidRecord(
                        "line \(index + 2): \(field.name) \(TerminalText.quoted(cell, limit: 30)) is not a number")
                }
                values[column] = .number(number)
            case .flag:
                guard cell == "true" || cell == "false" else {
                    throw .invalidRecord(
                        "line \(index + 2): \(field.name) \(TerminalText.quoted(cell, limit: 30)) is not true or false")
                }
                values[column] = .bool(cell == "true")
            }
        }
        do {
            return try record { values[$0.rawValue] }
        } catch {
            throw .invalidRecord("line \(index + 2): \(error.reason)")
        }
    }

    /// A JSON-style decimal (`-12`, `3.25`, `1e3`), finite; `nil` for anything else.
    static func decimal(_ text: String) -> Double? {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = bytes.prefix { (48...57).contains($0) }
        guard !digits.isEmpty else { return nil }
        bytes = bytes.dropFirst(digits.count)
        if bytes.first == UInt8(ascii: ".") {
            let fraction = bytes.dropFirst().prefix { (48...57).contains($0) }
            guard !fraction.isEmpty else { return nil }
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            let exponent = bytes.prefix { (48...57).contains($0) }
            guard !exponent.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponent.count)
        }
        guard bytes.isEmpty else { return nil }
        if let exact = exactDecimal(text) { return exact }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `-12` or `3.25` with at most 15 digits, without an exponent: both the digits as an integer and the power
    /// of ten are exact doubles, so one division is correctly rounded, as `Double(text)` is (Clinger's fast
    /// path), at a fraction of its cost. Anything else is nil and left to `Double(text)`.
    static func exactDecimal(_ text: String) -> Double? {
        var digits: Int64 = 0
        var count = 0
        var fraction = -1
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where count == 0 && !negative: negative = true
            case UInt8(ascii: ".") where fraction < 0 && count > 0: fraction = 0
            case 0x30...0x39:
                count += 1
                guard count <= 15 else { return nil }
                digits = digits * 10 + Int64(byte - 0x30)
                if fraction >= 0 { fraction += 1 }
            default: return nil
            }
        }
        guard count > 0, fraction != 0 else { return nil }
        let value = Double(digits) / powersOfTen[max(fraction, 0)]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    /// Splits RFC 4180 text into rows of cells (quoted cells may hold commas, quotes and line breaks).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        cell.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(cell)
                cell = ""
            case "\n", "\r\n":
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            default: cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }

    private static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }

    /// RFC 3339 UTC with milliseconds when there are any, so times round-trip exactly (the wire's format).
    static func timestamp(_ date: Date) -> String { Timestamp.format(date) }
}

extension RecordStoreError {
    /// The reason without the "Invalid record: " frame, for nesting in a larger message.
    var reason: String {
        if case .invalidRecord(let reason) = self { return reason }
        return message(.forLanguage(.english))
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self {
            result.append(character)
            if character == "\"" { result.append("\"") }
        }
        return result
    }
}

/// A field of an exported record, in CSV column order; JSON holds the place's fields inside `place`.
enum RecordField: Int, CaseIterable {
    case id, placeName, admin1, country, countryCode, latitude, longitude, timezone, observedAt, recordedAt, provider
    case temperature, apparentTemperature, weatherCode, windSpeed, windDirection, humidity, pressure, precipitation
    case units, deletedAt, keptOffline

    /// What a CSV cell holds.
    enum Kind { case text, number, flag }

    private static let names = [
        "id", "place_name", "admin1", "country", "country_code", "latitude", "longitude", "timezone", "observed_at",
        "recorded_at", "provider", "temperature", "apparent_temperature", "weather_code", "wind_speed",
        "wind_direction", "humidity", "pressure", "precipitation", "units", "deleted_at", "kept_offline",
    ]

    /// Its CSV column and its JSON key (outside `place`).
    var name: String { Self.names[rawValue] }

    /// Its key inside JSON's `place`, for the place's fields.
    var placeKey: String? {
        switch self {
        case .placeName: "name"
        case .admin1, .country, .countryCode, .latitude, .longitude, .timezone: name
        default: nil
        }
    }

    var kind: Kind {
        switch self {
        case .latitude, .longitude, .temperature, .apparentTemperature, .weatherCode, .windSpeed, .windDirection,
            .humidity, .pressure, .precipitation:
            .number
        case .keptOffline: .flag
        default: .text
        }
    }
}
