/// How values are shown; everything is kept metric and converted only for display.
public enum Units: String, Sendable, Hashable, Codable, CaseIterable {
    case metric
    case imperial

    public var temperatureSymbol: String { self == .metric ? "°C" : "°F" }

    /// What follows a whole-degree temperature in a tight column: `13°`, or in ASCII the unit itself, `13C`
    /// (`13` alone would read as any number).
    public func degree(ascii: Bool) -> String { ascii ? (self == .metric ? "C" : "F") : "°" }
    public var speedSymbol: String { self == .metric ? "km/h" : "mph" }
    public var pressureSymbol: String { self == .metric ? "hPa" : "inHg" }
    public var precipitationSymbol: String { self == .metric ? "mm" : "in" }

    public func temperature(_ celsius: Double) -> Double { self == .metric ? celsius : celsius * 9 / 5 + 32 }
    public func speed(_ kilometresPerHour: Double) -> Double {
        self == .metric ? kilometresPerHour : kilometresPerHour / 1.609_344
    }
    public func pressure(_ hectopascals: Double) -> Double {
        self == .metric ? hectopascals : hectopascals / 33.863_886_666_667
    }
    public func precipitation(_ millimetres: Double) -> Double { self == .metric ? millimetres : millimetres / 25.4 }
}

/// The languages meteo speaks: descriptions, labels and the place names asked from the geocoder.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en"
    case french = "fr"
    case german = "de"

    /// Picks the language from a locale value such as `fr_FR.UTF-8`; English when none fits.
    public static func fromLocale(_ value: String?) -> Language? {
        guard let value, !value.isEmpty else { return nil }
        let code = value.prefix { $0.isLetter }.lowercased()
        return Language(rawValue: code)
    }
}
