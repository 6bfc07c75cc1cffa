public import TextFormats

/// One invalid field of a record and why.
public struct FieldProblem: Codable, Sendable, Hashable {
    /// The field as named on the wire (`place.name`, `temperature`…).
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A record's fields as plain values, whichever way it came in (a provider answer, an import, a sync pull, the
/// service's PUT or sync push), for `RecordRules.problems`. Values are metric; times are instants.
public struct RecordFields: Sendable {
    public var id: String
    public var placeName: String
    public var admin1: String?
    public var country: String?
    public var countryCode: String?
    public var latitude: Double
    public var longitude: Double
    public var timezone: String?
    /// `nil` when the text was not an RFC 3339 time (or the instant lies outside years 1…9999).
    public var observedAt: UnixTime?
    public var recordedAt: UnixTime?
    public var provider: String
    public var temperature: Double?
    public var apparentTemperature: Double?
    public var weatherCode: Double?
    public var windSpeed: Double?
    public var windDirection: Double?
    public var humidity: Double?
    public var pressure: Double?
    public var precipitation: Double?
    public var units: String?

    public init(
        id: String, placeName: String, admin1: String?, country: String?, countryCode: String?, latitude: Double,
        longitude: Double, timezone: String?, observedAt: UnixTime?, recordedAt: UnixTime?, provider: String,
        temperature: Double?, apparentTemperature: Double?, weatherCode: Double?, windSpeed: Double?,
        windDirection: Double?, humidity: Double?, pressure: Double?, precipitation: Double?, units: String?
    ) {
        self.id = id
        self.placeName = placeName
        self.admin1 = admin1
        self.country = country
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
        self.timezone = timezone
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
}

/// What a kept record may hold: the one set of admission rules, written once and applied to every way a record
/// comes in, so that a record one side keeps is never refused by the other.
///
/// The limits are those of real weather on Earth with a margin (the records measured are −89.2 °C and 56.7 °C,
/// 870 and 1084 hPa, 408 km/h of wind, 1,825 mm of rain in a day), so a number outside them is a broken or
/// hostile source, not weather.
public enum RecordRules {
    public static let temperature: ClosedRange<Double> = -100...70
    public static let apparentTemperature: ClosedRange<Double> = -120...80
    public static let humidity: ClosedRange<Double> = 0...100
    public static let pressure: ClosedRange<Double> = 850...1100
    public static let windSpeed: ClosedRange<Double> = 0...500
    public static let windDirection: ClosedRange<Double> = 0...360
    public static let precipitation: ClosedRange<Double> = 0...2000
    /// Names count Unicode code points (as JSON Schema's `maxLength` does), after trimming spaces.
    public static let nameLength: ClosedRange<Int> = 1...200
    public static let timezoneLength = 64
    /// No record is older than 1940-01-01T00:00:00Z or newer than 2200-01-01T00:00:00Z.
    public static let earliest = UnixTime(seconds: -946_771_200)
    public static let latest = UnixTime(seconds: 7_258_118_400)
    /// How far an observation may lie after the moment it was kept (clocks of devices and providers differ).
    public static let clockSkewSeconds: Int64 = 3600
    public static let providers: Set<String> = ["open-meteo", "openweathermap"]
    public static let units: Set<String> = ["metric", "imperial"]
    /// The WMO 4677 codes Open-Meteo uses (and OpenWeatherMap conditions are mapped to).
    public static let weatherCodes: Set<Int> = [
        0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99,
    ]

    /// Every rule `fields` breaks, in field order; empty when the record may be kept.
    public static func problems(_ fields: RecordFields) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
            if !condition { problems.append(FieldProblem(field: field, message: message())) }
        }
        check(
            UUIDText.isCanonical(fields.id), "id",
            "must be a lower-case UUID such as 7d3c2a0e-6a7b-4f7e-9a43-2a8d1f0c9b11")
        check(isName(fields.placeName, required: true), "place.name", nameRule(required: true))
        check(fields.admin1.map { isName($0, required: false) } ?? true, "place.admin1", nameRule(required: false))
        check(fields.country.map { isName($0, required: false) } ?? true, "place.country", nameRule(required: false))
        check(
            fields.countryCode.map { code in code.utf8.count == 2 && code.utf8.allSatisfy(isASCIILetter) } ?? true,
            "place.country_code", "must be two letters")
        check(
            fields.timezone.map { $0.unicodeScalars.count <= timezoneLength && !hasUnsafe($0) } ?? true,
            "place.timezone", "must be at most \(timezoneLength) characters, without control characters")
        check(
            fields.latitude.isFinite && (-90...90).contains(fields.latitude), "place.latitude", "must be within -90…90")
        check(
            fields.longitude.isFinite && (-180...180).contains(fields.longitude), "place.longitude",
            "must be within -180…180")
        check(fields.recordedAt.map(isInEra) ?? false, "recorded_at", timeRule)
        if let observed = fields.observedAt, isInEra(observed) {
            if let recorded = fields.recordedAt {
                check(
                    observed.seconds <= recorded.seconds + clockSkewSeconds, "observed_at",
                    "must not be later than recorded_at (by more than \(clockSkewSeconds / 60) minutes)")
            }
        } else {
            problems.append(FieldProblem(field: "observed_at", message: timeRule))
        }
        check(providers.contains(fields.provider), "provider", "must be open-meteo or openweathermap")
        for (field, value, range) in [
            ("temperature", fields.temperature, temperature),
            ("apparent_temperature", fields.apparentTemperature, apparentTemperature),
            ("wind_speed", fields.windSpeed, windSpeed), ("wind_direction", fields.windDirection, windDirection),
            ("humidity", fields.humidity, humidity), ("pressure", fields.pressure, pressure),
            ("precipitation", fields.precipitation, precipitation),
        ] {
            check(value.map { $0.isFinite && range.contains($0) } ?? true, field, rangeRule(range))
        }
        check(
            fields.weatherCode.map { $0.isFinite && $0 == $0.rounded() && weatherCodes.contains(Int($0)) } ?? true,
            "weather_code", "must be a WMO weather code (0, 1, 2, 3, 45 … 99)")
        check(fields.units.map(units.contains) ?? true, "units", "must be metric or imperial")
        return problems
    }

    /// Whether `text` holds what a name may not: a control (C0, DEL, C1) or a bidirectional override.
    public static func hasUnsafe(_ text: String) -> Bool {
        TerminalText.needsEscaping(text)
    }

    /// What `isInEra` asks, in words.
    public static let timeRule = "must be an RFC 3339 time between 1940 and 2200"

    /// Whether `time` lies between 1940 and 2200, as every time of a record (and a tombstone) must.
    public static func isInEra(_ time: UnixTime) -> Bool { time >= earliest && time < latest }

    private static func isName(_ text: String, required: Bool) -> Bool {
        let length = trimmed(text).unicodeScalars.count
        return (required ? length >= nameLength.lowerBound : true) && length <= nameLength.upperBound
            && !hasUnsafe(text)
    }

    private static func nameRule(required: Bool) -> String {
        (required ? "must be 1 to \(nameLength.upperBound)" : "must be at most \(nameLength.upperBound)")
            + " characters, without control characters or bidirectional overrides"
    }

    private static func rangeRule(_ range: ClosedRange<Double>) -> String {
        "must be a number within \(number(range.lowerBound))…\(number(range.upperBound))"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    /// `text` without leading and trailing spaces (what a person sees as the name).
    private static func trimmed(_ text: String) -> Substring { text.withoutSurroundingWhitespace }
}
