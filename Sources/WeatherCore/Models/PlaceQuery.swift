import TextFormats

/// What a person typed to name a place: "Paris", "Springfield, MO", "Paris, Texas, US".
///
/// The first part is sent to the geocoder; the others narrow its candidates by country code, country,
/// region or a region's postal abbreviation.
public struct PlaceQuery: Sendable, Hashable {
    public var name: String
    public var qualifiers: [String]

    /// Splits on commas; `nil` when no name is left.
    public init?(_ text: String) {
        let parts = text.split(separator: ",").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        guard let first = parts.first else { return nil }
        name = first
        qualifiers = Array(parts.dropFirst())
    }

    /// The text as typed, normalised ("Springfield, MO").
    public var text: String { ([name] + qualifiers).joined(separator: ", ") }

    /// The candidates that every qualifier fits, in the geocoder's order (best first).
    public func filter(_ candidates: [Place]) -> [Place] {
        candidates.filter { place in qualifiers.allSatisfy { Self.qualifier($0, fits: place) } }
    }

    static func qualifier(_ qualifier: String, fits place: Place) -> Bool {
        let wanted = TextFolding.fold(qualifier)
        let fields = [place.countryCode, place.country, place.admin1].compactMap { $0 }.map(TextFolding.fold)
        if fields.contains(wanted) { return true }
        if let admin1 = place.admin1, let code = place.countryCode,
            RegionAbbreviations.abbreviation(of: admin1, in: code).map(TextFolding.fold) == wanted
        {
            return true
        }
        // "United States", "USA", "UK": common names that are not the geocoder's country name.
        if let code = place.countryCode, RegionAbbreviations.countryAliases[wanted] == code.uppercased() {
            return true
        }
        return false
    }
}

/// Case and accent folding for comparing names ("Île-de-France" ~ "ile-de-france").
enum TextFolding {
    static func fold(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            result += accents[character].map(String.init) ?? String(character)
        }
        return result.trimmedWhitespace()
    }

    private static let accents: [Character: Character] = {
        var table: [Character: Character] = [:]
        let groups: [(Character, String)] = [
            ("a", "àáâãäåāą"), ("c", "çćč"), ("e", "èéêëēęě"), ("i", "ìíîïī"), ("n", "ñńň"),
            ("o", "òóôõöøō"), ("u", "ùúûüūů"), ("y", "ýÿ"), ("s", "śšș"), ("z", "źżž"), ("l", "ł"),
            ("r", "ř"), ("t", "țť"), ("d", "ď"), ("g", "ğ"),
        ]
        for (plain, variants) in groups {
            for variant in variants { table[variant] = plain }
        }
        return table
    }()
}

/// Postal abbreviations of first-level regions that people type after a city name.
enum RegionAbbreviations {
    static func abbreviation(of region: String, in countryCode: String) -> String? {
        table[countryCode.uppercased()]?[TextFolding.fold(region)]
    }

    static let countryAliases: [String: String] = [
        "usa": "US", "united states of america": "US", "uk": "GB", "united kingdom": "GB",
        "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    ]

    private static let table: [String: [String: String]] = [
        "US": [
            "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
            "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
            "washington, d.c.": "DC", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
            "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY",
            "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
            "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE",
            "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
            "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
            "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
            "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
            "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
        ],
        "CA": [
            "alberta": "AB", "british columbia": "BC", "manitoba": "MB", "new brunswick": "NB",
            "newfoundland and labrador": "NL", "nova scotia": "NS", "northwest territories": "NT",
            "nunavut": "NU", "ontario": "ON", "prince edward island": "PE", "quebec": "QC",
            "saskatchewan": "SK", "yukon": "YT",
        ],
        "AU": [
            "australian capital territory": "ACT", "new south wales": "NSW", "northern territory": "NT",
            "queensland": "QLD", "south australia": "SA", "tasmania": "TAS", "victoria": "VIC",
            "western australia": "WA",
        ],
    ]
}

extension Place {
    /// The form of a name used to find it: lower-cased, accents removed ("Île" → "ile").
    public static func searchKey(_ text: String) -> String { TextFolding.fold(text) }
}
