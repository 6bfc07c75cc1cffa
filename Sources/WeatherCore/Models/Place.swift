/// A place on Earth that weather can be asked for.
public struct Place: Sendable, Hashable, Codable {
    public var name: String
    /// First-level administrative area (state, region), when known.
    public var admin1: String?
    /// Country name in the asked language, when known.
    public var country: String?
    /// ISO 3166-1 alpha-2 code, upper case, when known.
    public var countryCode: String?
    public var latitude: Double
    public var longitude: Double
    /// IANA time zone name, when known.
    public var timezone: String?
    public var population: Int?

    public init(
        name: String, admin1: String? = nil, country: String? = nil, countryCode: String? = nil,
        latitude: Double, longitude: Double, timezone: String? = nil, population: Int? = nil
    ) {
        self.name = name
        self.admin1 = admin1
        self.country = country
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
        self.timezone = timezone
        self.population = population
    }

    /// "Paris, Île-de-France, FR": the name with what tells it apart from its namesakes.
    public var qualifiedName: String {
        var parts = [name]
        if let admin1, !admin1.isEmpty, admin1 != name { parts.append(admin1) }
        if let code = countryCode ?? country, !code.isEmpty { parts.append(code) }
        return parts.joined(separator: ", ")
    }

    /// `text` as a country code (two ASCII letters, upper case); `nil` for anything else.
    public static func countryCode(_ text: String) -> String? {
        text.utf8.count == 2 && text.utf8.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) })
            ? text.uppercased() : nil
    }

    /// Whether both coordinates are on the globe.
    public static func isValid(latitude: Double, longitude: Double) -> Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }
}
