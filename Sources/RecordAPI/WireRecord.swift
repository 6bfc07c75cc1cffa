public import RecordRules
import TextFormats

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

        /// Absent values as `null`, as `WireRecord.json` writes them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(admin1, forKey: .admin1)
            try container.encode(country, forKey: .country)
            try container.encode(countryCode, forKey: .countryCode)
            try container.encode(latitude, forKey: .latitude)
            try container.encode(longitude, forKey: .longitude)
            try container.encode(timezone, forKey: .timezone)
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
    /// Kept from an offline result (the device's last answer, from its cache), not from a fresh one.
    public var keptOffline: Bool?

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
        case keptOffline = "kept_offline"
    }

    public init(
        id: String, place: Place, observedAt: String, recordedAt: String, provider: String,
        temperature: Double? = nil, apparentTemperature: Double? = nil, weatherCode: Int? = nil,
        windSpeed: Double? = nil, windDirection: Double? = nil, humidity: Double? = nil, pressure: Double? = nil,
        precipitation: Double? = nil, units: String? = nil, keptOffline: Bool? = nil
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
        self.keptOffline = keptOffline
    }

    /// Absent values as `null` (the one shape of a record: the wire, export and `history --json`); `keptOffline`
    /// only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(place, forKey: .place)
        try container.encode(observedAt, forKey: .observedAt)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(provider, forKey: .provider)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(apparentTemperature, forKey: .apparentTemperature)
        try container.encode(weatherCode, forKey: .weatherCode)
        try container.encode(windSpeed, forKey: .windSpeed)
        try container.encode(windDirection, forKey: .windDirection)
        try container.encode(humidity, forKey: .humidity)
        try container.encode(pressure, forKey: .pressure)
        try container.encode(precipitation, forKey: .precipitation)
        try container.encode(units, forKey: .units)
        try container.encodeIfPresent(keptOffline, forKey: .keptOffline)
    }

    /// The record as JSON with sorted keys, optional values as `null`: what JSONEncoder with `.sortedKeys`
    /// writes (a test holds them equal), by hand, since a sync batch writes 500 of them and the encoder was its largest cost.
    public var json: String {
        var out = JSONText()
        out.raw("{\"apparent_temperature\":")
        out.number(apparentTemperature)
        out.raw(",\"humidity\":")
        out.number(humidity)
        out.raw(",\"id\":")
        out.string(id)
        // Only when set: bodies of records kept before this field existed stay byte for byte what they were.
        if let keptOffline {
            out.raw(",\"kept_offline\":")
            out.bool(keptOffline)
        }
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

    /// What is wrong with this record, field by field (the one set of rules, `RecordRules`); empty when valid.
    public func problems() -> [FieldProblem] {
        RecordRules.problems(fields)
    }

    /// The record as `RecordRules` reads it.
    public var fields: RecordFields {
        RecordFields(
            id: id, placeName: place.name, admin1: place.admin1, country: place.country,
            countryCode: place.countryCode, latitude: place.latitude, longitude: place.longitude,
            timezone: place.timezone, observedAt: RFC3339.parse(observedAt), recordedAt: RFC3339.parse(recordedAt),
            provider: provider, temperature: temperature, apparentTemperature: apparentTemperature,
            weatherCode: weatherCode.map(Double.init), windSpeed: windSpeed, windDirection: windDirection,
            humidity: humidity, pressure: pressure, precipitation: precipitation, units: units)
    }
}
