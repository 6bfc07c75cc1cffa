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
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12]
            && parts.allSatisfy { $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
    }
}

/// RFC 3339 times on the wire.
public enum Timestamp {
    /// Parses "2026-11-27T13:00:00Z", with an optional fraction and an offset instead of Z.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    /// UTC, milliseconds when there are any.
    public static func format(_ date: Date) -> String {
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Date(timeIntervalSince1970: (millis / 1000).rounded(.down))
        let text = whole.formatted(.iso8601)
        let fraction = Int(millis.truncatingRemainder(dividingBy: 1000))
        guard fraction > 0 else { return text }
        let digits = String(fraction)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}
