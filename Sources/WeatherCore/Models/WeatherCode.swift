/// A WMO weather interpretation code (0…99) as Open-Meteo sends it; OpenWeatherMap codes are mapped onto it.
public struct WeatherCode: Sendable, Hashable {
    public var rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Whether this is a WMO code meteo has a description for (the codes `RecordRules` admits).
    public var isKnown: Bool { Labels.english.weather[rawValue] != nil }

    private enum Kind { case clear, partly, overcast, fog, drizzle, rain, snow, thunder, unknown }

    private var kind: Kind {
        switch rawValue {
        case 0: .clear
        case 1, 2: .partly
        case 3: .overcast
        case 45, 48: .fog
        case 51, 53, 55, 56, 57: .drizzle
        case 61, 63, 65, 66, 67, 80, 81, 82: .rain
        case 71, 73, 75, 77, 85, 86: .snow
        case 95, 96, 99: .thunder
        default: .unknown
        }
    }

    /// The code in words, in `language`.
    public func description(in language: Language) -> String {
        let labels = Labels.forLanguage(language)
        return labels.weather[rawValue] ?? labels.say(.unknownWeather, ["code": String(rawValue)])
    }

    /// One terminal cell that pictures the weather; `ascii` when the terminal cannot show Unicode.
    public func icon(ascii: Bool) -> String {
        switch kind {
        // ASCII icons sit beside numbers: none may read as a sign, a unit, a percentage or a decimal comma.
        case .clear: ascii ? "*" : "☀"
        case .partly: ascii ? "(" : "◐"
        case .overcast: ascii ? "=" : "☁"
        case .fog: ascii ? "~" : "≡"
        case .drizzle: ascii ? ";" : "⸪"
        case .rain: ascii ? "'" : "☂"
        case .snow: ascii ? "@" : "❄"
        case .thunder: ascii ? "!" : "ϟ"
        case .unknown: "?"
        }
    }

    /// Maps an OpenWeatherMap condition id (2xx thunder … 8xx clouds) to the nearest WMO code.
    public static func fromOpenWeatherMap(_ id: Int) -> WeatherCode {
        let code: Int =
            switch id {
            case 200...202, 230...232: 95
            case 210...221: 95
            case 300, 310: 51
            case 301, 311, 313, 321: 53
            case 302, 312, 314: 55
            case 500: 61
            case 501: 63
            case 502...504: 65
            case 511: 66
            case 520: 80
            case 521: 81
            case 522, 531: 82
            case 600, 615: 71
            case 601, 616: 73
            case 602: 75
            case 611...613: 77
            case 620: 85
            case 621, 622: 86
            case 701, 711, 721, 741: 45
            case 731, 751, 761, 762, 771, 781: 45
            case 800: 0
            case 801: 1
            case 802: 2
            case 803, 804: 3
            default: -1
            }
        return WeatherCode(code)
    }
}
