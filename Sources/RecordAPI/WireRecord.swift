#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A record on the wire (DESIGN.md, "A record on the wire"): values metric, times RFC 3339 UTC, id a UUID
/// made by the client. The same field names as `meteo now --json`'s `place` and `current`.
public struct WireRecord: Codable, Sendable, Hashable {
    /// Where the weather was taken.
    public struct Place: Codable, Sendable, Hashable {
        public var name: String
        public var admin1: String?
        /// The country's name, when the provider gave one (optional; the DESIGN fields plus this one).
        public var country: String?
        public var countryCode: String?
        public var latitude: Double
        public var longitude: Double
        public var timezone: String?

        enum CodingKeys: String, CodingKey {
            case name, admin1, country
            case countryCode = "country_code"
            case latitude, longitude, timezone
        }

        public init(
            name: String, admin1: String? = nil, country: String? = nil, countryCode: String? = nil, latitude: Double,
            longitude: Double, timezone: String? = nil
        ) {
            self.name = name
            self.admin1 = admin1
            self.country = country
            self.countryCode = countryCode
            self.latitude = latitude
            self.longitude = longitude
            self.timezone = timezone
        }
    }

    public var id: String
    public var place: Place
    public var observedAt: String
    public var recordedAt: String
    public var provider: String
    public var temperature: Double?
    public var apparentTemperature: Double?
    public var weatherCode: Int?
    public var windSpeed: Double?
    public var windDirection: Double?
    public var humidity: Double?
    public var pressure: Double?
    public var precipitation: Double?
    /// The unit system the record was shown in ("metric" or "imperial"); values are metric regardless.
    public var units: String?

    enum CodingKeys: String, CodingKey {
        case id, place
        case observedAt = "observed_at"
        case recordedAt = "recorded_at"
        case provider, temperature
        case apparentTemperature = "apparent_temperature"
        case weatherCode = "weather_code"
        case windSpeed = "wind_speed"
        case windDirection = "wind_direction"
        case humidity, pressure, precipitation, units
    }

    public init(
        id: String, place: Place, observedAt: String, recordedAt: String, provider: String,
        temperature: Double? = nil, apparentTemperature: Double? = nil, weatherCode: Int? = nil,
        windSpeed: Double? = nil, windDirection: Double? = nil, humidity: Double? = nil, pressure: Double? = nil,
        precipitation: Double? = nil, units: String? = nil
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
    }

    /// The record as JSON with sorted keys, optional values as `null`: what JSONEncoder with `.sortedKeys`
    /// writes, by hand, since a sync batch writes 500 of them and the encoder was its largest cost.
    public var json: String {
        var out = JSONText()
        out.raw("{\"apparent_temperature\":")
        out.number(apparentTemperature)
        out.raw(",\"humidity\":")
        out.number(humidity)
        out.raw(",\"id\":")
        out.string(id)
        out.raw(",\"observed_at\":")
        out.string(observedAt)
        out.raw(",\"place\":{\"admin1\":")
        out.string(place.admin1)
        out.raw(",\"country\":")
        out.string(place.country)
        out.raw(",\"country_code\":")
        out.string(place.countryCode)
        out.raw(",\"latitude\":")
        out.number(place.latitude)
        out.raw(",\"longitude\":")
        out.number(place.longitude)
        out.raw(",\"name\":")
        out.string(place.name)
        out.raw(",\"timezone\":")
        out.string(place.timezone)
        out.raw("},\"precipitation\":")
        out.number(precipitation)
        out.raw(",\"pressure\":")
        out.number(pressure)
        out.raw(",\"provider\":")
        out.string(provider)
        out.raw(",\"recorded_at\":")
        out.string(recordedAt)
        out.raw(",\"temperature\":")
        out.number(temperature)
        out.raw(",\"units\":")
        out.string(units)
        out.raw(",\"weather_code\":")
        out.number(weatherCode.map(Double.init))
        out.raw(",\"wind_direction\":")
        out.number(windDirection)
        out.raw(",\"wind_speed\":")
        out.number(windSpeed)
        out.raw("}")
        return out.text
    }

    /// The providers a record may come from.
    public static let providers: Set<String> = ["open-meteo", "openweathermap"]

    /// What is wrong with this record, field by field; empty when it is valid.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func check(_ condition: Bool, _ field: String, _ message: String) {
            if !condition { problems.append(FieldProblem(field: field, message: message)) }
        }
        check(UUIDText.isCanonical(id), "id", "must be a UUID such as 7d3c2a0e-6a7b-4f7e-9a43-2a8d1f0c9b11")
        check(!place.name.isEmpty && place.name.count <= 200, "place.name", "must be 1 to 200 characters")
        check((place.admin1?.count ?? 0) <= 200, "place.admin1", "must be at most 200 characters")
        check((place.country?.count ?? 0) <= 200, "place.country", "must be at most 200 characters")
        check(
            place.countryCode.map { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } } ?? true,
            "place.country_code", "must be two letters")
        check((place.timezone?.count ?? 0) <= 64, "place.timezone", "must be at most 64 characters")
        check(place.latitude.isFinite && (-90...90).contains(place.latitude), "place.latitude", "must be within -90…90")
        check(
            place.longitude.isFinite && (-180...180).contains(place.longitude), "place.longitude",
            "must be within -180…180")
        check(Timestamp.parse(observedAt) != nil, "observed_at", "must be an RFC 3339 time")
        check(Timestamp.parse(recordedAt) != nil, "recorded_at", "must be an RFC 3339 time")
        check(Self.providers.contains(provider), "provider", "must be open-meteo or openweathermap")
        for (field, value) in [
            ("temperature", temperature), ("apparent_temperature", apparentTemperature), ("wind_speed", windSpeed),
            ("wind_direction", windDirection), ("humidity", humidity), ("pressure", pressure),
            ("precipitation", precipitation),
        ] {
            check(value?.isFinite ?? true, field, "must be a finite number")
        }
        check(humidity.map { (0...100).contains($0) } ?? true, "humidity", "must be within 0…100")
        check(weatherCode.map { (0...99).contains($0) } ?? true, "weather_code", "must be a WMO code (0…99)")
        check(units.map { ["metric", "imperial"].contains($0) } ?? true, "units", "must be metric or imperial")
        return problems
    }
}

/// One invalid field and why.
public struct FieldProblem: Codable, Sendable, Hashable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A page of records, newest first; `next` goes back as `?before=` (null on the last page).
public struct RecordPage: Codable, Sendable, Hashable {
    public var records: [WireRecord]
    public var next: String?

    public init(records: [WireRecord], next: String?) {
        self.records = records
        self.next = next
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(next, forKey: .next)  // null, not absent, on the last page
    }
}

/// The body of every error: `{"error": {"code", "message", "field"?}}`.
public struct ErrorBody: Codable, Sendable, Hashable {
    /// The error itself.
    public struct Detail: Codable, Sendable, Hashable {
        public var code: String
        public var message: String
        public var field: String?

        public init(code: String, message: String, field: String? = nil) {
            self.code = code
            self.message = message
            self.field = field
        }
    }

    public var error: Detail

    public init(code: String, message: String, field: String? = nil) {
        error = Detail(code: code, message: message, field: field)
    }
}

/// The paths of version 1.
public enum RecordPaths {
    public static let records = "/v1/records"
    public static let sync = "/v1/sync"
    public static let metrics = "/metrics"
    public static let health = "/healthz"
    public static let ready = "/readyz"
}

/// UUID text in the canonical lower-case 8-4-4-4-12 form.
public enum UUIDText {
    public static func isCanonical(_ text: String) -> Bool {
        // Bytes, not Characters: this runs for every record of every sync batch.
        let bytes = text.utf8
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23: if byte != 45 { return false }
            default: if !((48...57).contains(byte) || (97...102).contains(byte)) { return false }
            }
        }
        return true
    }
}

/// RFC 3339 times on the wire.
///
/// Parsed and written by hand: sync reads and writes four of them per record, and Foundation's ISO 8601 format
/// style cost more than everything else a 10,000-record sync did. The calendar arithmetic is Howard Hinnant's
/// (as `CivilTime` in WeatherCore, which RecordAPI may not import: the service must not depend on the client).
public enum Timestamp {
    /// Parses "2026-11-27T13:00:00Z", with an optional fraction (up to 9 digits) and an offset instead of Z.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20, b.count <= 40 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = Int(b[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 116, b[13] == 58, b[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, (48...57).contains(b[index]) {
                fraction += Double(b[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start, index - start <= 9 else { return nil }
        }
        guard index < b.count else { return nil }
        var offset = 0
        switch b[index] {
        case 90, 122:  // Z, z
            guard index + 1 == b.count else { return nil }
        case 43, 45:  // +, -
            guard index + 6 == b.count, b[index + 3] == 58, let hours = number(index + 1, 2),
                let minutes = number(index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[index] == 45 ? -1 : 1)
        default:
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// UTC, milliseconds when there are any: "2026-11-27T13:04:12Z", "2026-11-27T13:04:12.250Z".
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int(millis - Int64(seconds) * 1000)
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = civilFromDays(days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
            bytes += digits
        }
        put(year, 4)
        bytes.append(45)
        put(month, 2)
        bytes.append(45)
        put(day, 2)
        bytes.append(84)
        put(secondOfDay / 3600, 2)
        bytes.append(58)
        put(secondOfDay % 3600 / 60, 2)
        bytes.append(58)
        put(secondOfDay % 60, 2)
        if fraction > 0 {
            bytes.append(46)
            put(fraction, 3)
        }
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A JSON writer for the wire types' hand-written encodings.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ value: String?) {
        guard let value else { return raw("null") }
        bytes.append(34)
        for byte in value.utf8 {
            switch byte {
            case 34: bytes += [92, 34]
            case 92: bytes += [92, 92]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(34)
    }

    /// Whole numbers without a fraction ("90", not "90.0"); others in Swift's shortest round-trip form.
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw(value.description)
        }
    }
}
