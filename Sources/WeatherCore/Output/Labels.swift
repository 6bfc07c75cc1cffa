#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Every word meteo shows, in one language: one value of this type is one language's whole table
/// (Labels+English.swift, Labels+French.swift, Labels+German.swift), and adding a language is adding one.
public struct Labels: Sendable {
    public let language: Language
    public let temperature, feelsLike, humidity, wind, pressure, precipitation, nextHours, nextDays: String
    /// "Sun" … "Sat", from Sunday.
    public let weekdays: [String]
    /// Month abbreviations, as the language writes them beside a day ("27 Nov", "27 nov.", "27. Nov.").
    public let months: [String]
    /// The 16 compass points from north, clockwise: "N", "NNE" … in English, "NNO" … in German.
    public let compass: [String]
    /// What sits between the whole and the fraction (`9.3`, `9,3`), and between thousands (`2,138,551`).
    public let decimalMark, thousandsMark: String
    /// What sits between a number and its unit: "9.3°C" in English, "9,3 °C" in French and German.
    public let unitGap: String
    /// The WMO weather codes in words; a code missing here is said with `Phrase.unknownWeather`.
    public let weather: [Int: String]
    /// The screen's words: pane titles, first hints, and the key line's summaries by their English ones.
    public let screen: Screen
    /// The sentences, with `{name}` where a value goes; `say` fills them.
    public let phrases: [Phrase: String]
    /// `--help` in this language, by the English text of each sentence (the command specs hold the English).
    public let help: [String: String]

    /// `english` (a sentence of `--help`) in this language.
    public func help(_ english: String) -> String { help[english] ?? english }

    /// The words of the interactive screen.
    public struct Screen: Sendable {
        public let weather, history, keptRecord, typePlace, tabMoves, noRecords, pressR, loading: String
        public let unreadable, searchStillWorks: String
        /// The key line and the help, by the keymap's English summary.
        public let keys: [String: String]

        /// `summary` (the keymap's English words) in this language.
        public func key(_ summary: String) -> String { keys[summary] ?? summary }
    }

    public static func forLanguage(_ language: Language) -> Labels {
        switch language {
        case .english: english
        case .french: french
        case .german: german
        }
    }

    /// `phrase` with its `{name}`s replaced by `values` (inserted as they are: a value is never read as a
    /// template). A phrase a table lacks is said in English; a test holds every table complete.
    public func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        let template = phrases[phrase] ?? Labels.english.phrases[phrase] ?? phrase.rawValue
        return Self.fill(template, values)
    }

    /// The names between braces in `template`, in order.
    public static func holes(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: - Numbers, dates and durations

    /// `value` rounded to `digits` decimals with this language's decimal mark: `9.3`, `9,3`.
    public func number(_ value: Double, _ digits: Int) -> String {
        let text = NumberText.fixed(value, digits)
        return decimalMark == "." ? text : text.replacing(".", with: decimalMark)
    }

    /// A whole number with this language's thousands mark: `2,138,551`, `2 138 551`, `2.138.551`.
    public func grouped(_ value: Int) -> String {
        let text = NumberText.grouped(value)
        return thousandsMark == "," ? text : text.replacing(",", with: thousandsMark)
    }

    /// "71%", "71 %".
    public func percent(_ value: Double) -> String { number(value, 0) + unitGap + "%" }

    /// "27 Nov", "27 nov.", "27. Nov.".
    public func dayMonth(day: Int, month: Int) -> String {
        say(.dayMonth, ["day": String(day), "month": months[max(1, min(month, 12)) - 1]])
    }

    /// "27 Nov 2026", "27 nov. 2026", "27. Nov. 2026": `date` at `offset`.
    public func date(_ date: Date, offset: Int) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: offset)
        return say(
            .dayMonthYear,
            ["day": String(parts.day), "month": months[max(1, min(parts.month, 12)) - 1], "year": String(parts.year)])
    }

    /// "45 s", "3 min", "2 h", "3 days".
    public func duration(seconds: Int) -> String {
        switch seconds {
        case ..<60: say(.seconds, ["n": String(max(seconds, 0))])
        case ..<3600: say(.minutes, ["n": String((seconds + 59) / 60)])
        case ..<172_800: say(.hours, ["n": String((seconds + 1799) / 3600)])
        default: say(.days, ["n": String((min(seconds, 1 << 50) + 43_199) / 86_400)])
        }
    }

    /// "a, b or c".
    public func either(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        guard words.count > 1 else { return last }
        return say(.either, ["some": words.dropLast().joined(separator: ", "), "last": last])
    }
}

/// Temperatures, speeds and the rest in one unit system and one language: every place that writes a value
/// with its unit asks this.
public struct Measures: Sendable {
    public let units: Units
    public let labels: Labels

    public init(units: Units, language: Language) {
        self.units = units
        self.labels = .forLanguage(language)
    }

    /// "9.3°C", "9,3 °C".
    public func temperature(_ celsius: Double) -> String {
        labels.number(units.temperature(celsius), 1) + labels.unitGap + units.temperatureSymbol
    }

    /// "13°" in a tight column (in ASCII the unit itself, "13C").
    public func shortTemperature(_ celsius: Double, ascii: Bool) -> String {
        labels.number(units.temperature(celsius), 0) + units.degree(ascii: ascii)
    }

    /// "12 km/h".
    public func speed(_ kilometresPerHour: Double) -> String {
        labels.number(units.speed(kilometresPerHour), 0) + " " + units.speedSymbol
    }

    /// "1016 hPa", "30.01 inHg".
    public func pressure(_ hectopascals: Double) -> String {
        labels.number(units.pressure(hectopascals), units == .metric ? 0 : 2) + " " + units.pressureSymbol
    }

    /// "0.4 mm", "0.02 in".
    public func precipitation(_ millimetres: Double) -> String {
        labels.number(units.precipitation(millimetres), units == .metric ? 1 : 2) + " " + units.precipitationSymbol
    }
}
