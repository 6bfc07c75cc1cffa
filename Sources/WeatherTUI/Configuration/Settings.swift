import TextFormats
import WeatherCore

/// Everything a run of meteo is configured with, after the file, the environment and the flags are merged.
struct Settings: Sendable, Equatable {
    var units = Units.metric
    var language = Language.english
    var provider = ProviderID.openMeteo
    var weather = WeatherPath.direct
    var geocodingURL = OpenMeteoProvider.defaultGeocodingURL
    var forecastURL = OpenMeteoProvider.defaultForecastURL
    var airQualityURL = OpenMeteoProvider.defaultAirQualityURL
    var owmURL = OpenWeatherMapProvider.defaultURL
    var owmAPIKey: String?
    var connectTimeout = 5.0
    var timeout = 15.0
    var ascii = false
    var defaultPlace: String?
    /// `meteo now`'s output when no flag names one: `plain`, `oneline`, `json` or a `LineFormat` template.
    var format: String?
    var cacheDirectory = ""
    /// The meteo-records service to sync with, and the bearer token for it.
    var recordsURL: String?
    var recordsToken: String?
    /// Plain http to a host other than this machine, allowed by `meteo login --allow-insecure`.
    var recordsAllowInsecure = false
    /// Seconds between the screen's background syncs.
    var syncInterval: Double = 180

    /// One setting: its key in config.toml and the environment variable that overrides it.
    struct Key: Sendable, Hashable {
        let file: String
        let environment: String
        let isSecret: Bool
        /// What it sets, for the manual page.
        let help: String

        init(_ file: String, secret: Bool = false, _ help: String) {
            self.file = file
            self.environment = "METEO_" + file.uppercased()
            self.isSecret = secret
            self.help = help
        }
    }

    static let keys: [Key] = [
        Key("units", "metric (the default) or imperial."),
        Key("lang", "en, fr or de: every word meteo writes, and place names (default: from the locale)."),
        Key("provider", "open-meteo (the default, no key) or openweathermap."),
        Key(
            "weather",
            "direct (the default: ask the provider) or service: through the meteo-records you logged in to, which "
                + "shares one cache and one key."),
        Key("geocoding_url", "Open-Meteo's geocoding base URL."),
        Key("forecast_url", "Open-Meteo's forecast base URL (a self-hosted server works)."),
        Key("air_quality_url", "Open-Meteo's air-quality base URL."),
        Key("owm_url", "OpenWeatherMap's base URL."),
        Key("owm_api_key", secret: true, "The OpenWeatherMap API key."),
        Key("connect_timeout", "Seconds to connect (default 5)."),
        Key("timeout", "Seconds for a whole request (default 15)."),
        Key("ascii", "true or false: ASCII-only output (default: true when the locale is not UTF-8)."),
        Key("place", "The place `meteo now` shows when none is given."),
        Key("format", "What `meteo now` prints: plain, oneline, json, or a line such as '{icon} {temperature}'."),
        Key("records_url", "The meteo-records service to sync with (`meteo login` writes it)."),
        Key("records_token", secret: true, "Its bearer token (`meteo login` writes it)."),
        Key("records_allow_insecure", "true to allow plain http to a host other than this machine."),
        Key("sync_interval", "Seconds between the screen's background syncs (default 180)."),
    ]

    /// Flag values, which win over everything else; `nil` means "not given".
    struct Overrides: Sendable, Equatable {
        var units: Units?
        var language: Language?
        var provider: ProviderID?
        var ascii: Bool?
    }

    /// Merges defaults < config file < `METEO_*` environment < flags.
    /// - Parameters:
    ///   - file: the config file's values, as text, by key.
    ///   - environment: the process environment.
    /// - Throws: `ConfigError` naming the first value that cannot be used.
    static func resolve(
        file: [String: String], environment: [String: String], overrides: Overrides = Overrides()
    ) throws(ConfigError) -> Settings {
        let values = SettingValues(file: file, environment: environment, keys: keys)
        var settings = Settings()
        settings.ascii = !Self.localeIsUTF8(environment)
        settings.language = Self.localeLanguage(environment) ?? .english
        settings.cacheDirectory = Paths.cacheDirectory(environment)
        try settings.readDisplay(values)
        try settings.readProviders(values)
        try settings.readRecords(values)
        if let units = overrides.units { settings.units = units }
        if let language = overrides.language { settings.language = language }
        if let provider = overrides.provider { settings.provider = provider }
        if let ascii = overrides.ascii { settings.ascii = ascii }
        return settings
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }

    /// The locale's character set, from the first of LC_ALL, LC_CTYPE, LANG that is set.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        // The codeset sits between '.' and an optional '@modifier': en_US.UTF-8, C.utf8, de_DE.UTF-8@euro.
        guard let dot = locale.firstIndex(of: ".") else { return false }
        let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }.lowercased().filter { $0 != "-" }
        return codeset == "utf8"
    }

    /// The language of what is said before the settings are read (a command line that does not parse, a
    /// config.toml that does not load): `--lang`, then `METEO_LANG`, then the locale.
    static func earlyLanguage(_ words: [String], _ environment: [String: String]) -> Language {
        var named: String?
        for (index, word) in words.enumerated() {
            if word == "--" { break }
            if word.hasPrefix("--lang=") { named = String(word.dropFirst(7)) }
            if word == "--lang", index + 1 < words.count { named = words[index + 1] }
        }
        return Language.fromLocale(named) ?? Language.fromLocale(environment["METEO_LANG"])
            ?? localeLanguage(environment) ?? .english
    }

    /// The messages language, from the first of LC_ALL, LC_MESSAGES, LANG that is set.
    static func localeLanguage(_ environment: [String: String]) -> Language? {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return Language.fromLocale(locale)
    }
}

/// A configuration value that cannot be used, or a config file that cannot be read.
enum ConfigError: Error, Equatable, UserFacingError {
    /// What a setting takes, said in the reader's language when the message is written.
    enum Expected: Equatable {
        case url, bool, format
        case seconds(low: String, high: String)
        case oneOf([String])
    }

    case invalidValue(key: String, value: String, source: String, expected: Expected)
    case unreadableFile(path: String, reason: String)
    case invalidFile(path: String, reason: String)

    func message(_ labels: Labels) -> String {
        switch self {
        case .invalidValue(let key, let value, let source, let expected):
            let shown = Settings.keys.first { $0.file == key }?.isSecret == true ? "'…'" : TerminalText.quoted(value)
            let words: String =
                switch expected {
                case .url: labels.say(.expectURL)
                case .bool: labels.say(.expectBool)
                case .format:
                    labels.say(
                        .expectFormat,
                        ["names": LineFormat.Placeholder.allCases.map(\.rawValue).joined(separator: ", ")])
                case .seconds(let low, let high): labels.say(.expectSeconds, ["low": low, "high": high])
                case .oneOf(let words): labels.either(words)
                }
            return labels.say(
                .invalidSetting, ["key": key, "value": shown, "source": source, "expected": words])
        case .unreadableFile(let path, let reason):
            return labels.say(.cannotReadConfig, ["path": path, "reason": reason])
        case .invalidFile(let path, let reason):
            return labels.say(.configNotTOML, ["path": path, "reason": reason])
        }
    }
}

/// The values of config.toml overridden by the environment, each with where it came from, read as typed values.
struct SettingValues {
    private var values: [String: (value: String, source: String)] = [:]

    init(file: [String: String], environment: [String: String], keys: [Settings.Key]) {
        for (key, value) in file { values[key] = (value, "config.toml") }
        for key in keys {
            if let value = environment[key.environment], !value.isEmpty { values[key.file] = (value, key.environment) }
        }
    }

    func text(_ key: String) -> String? { values[key].map { $0.value.trimmedWhitespace() } }

    /// `text`, with nothing for an empty value.
    func nonEmpty(_ key: String) -> String? { text(key).flatMap { $0.isEmpty ? nil : $0 } }

    func invalid(_ key: String, _ expected: ConfigError.Expected) -> ConfigError {
        let found = values[key] ?? (value: "", source: "defaults")
        return .invalidValue(key: key, value: found.value, source: found.source, expected: expected)
    }

    func url(_ key: String) throws(ConfigError) -> String? {
        guard let value = text(key) else { return nil }
        guard value.hasPrefix("http://") || value.hasPrefix("https://"), value.count > 8 else {
            throw invalid(key, .url)
        }
        return value
    }

    /// A number of seconds in `range` (its lowest value itself refused when `excludingLowest`).
    func seconds(_ key: String, _ range: ClosedRange<Int>, excludingLowest: Bool = false) throws(ConfigError)
        -> Double?
    {
        guard let value = text(key) else { return nil }
        guard let seconds = Double(value), seconds >= Double(range.lowerBound), seconds <= Double(range.upperBound),
            !excludingLowest || seconds > Double(range.lowerBound)
        else {
            throw invalid(key, .seconds(low: String(range.lowerBound), high: String(range.upperBound)))
        }
        return seconds
    }

    func flag(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = text(key) else { return nil }
        guard let flag = Settings.bool(value) else { throw invalid(key, .bool) }
        return flag
    }
}

extension Settings {
    /// Units, language and ASCII mode.
    mutating func readDisplay(_ values: SettingValues) throws(ConfigError) {
        if let value = values.text("units") {
            guard let units = Units(rawValue: value.lowercased()) else {
                throw values.invalid("units", .oneOf(Units.allCases.map(\.rawValue)))
            }
            self.units = units
        }
        if let value = values.text("lang") {
            guard let language = Language.fromLocale(value) else {
                throw values.invalid("lang", .oneOf(Language.allCases.map(\.rawValue)))
            }
            self.language = language
        }
        if let flag = try values.flag("ascii") { ascii = flag }
        defaultPlace = values.nonEmpty("place")
        if let format = values.nonEmpty("format") {
            if LineFormat.isTemplate(format) {
                do { _ = try LineFormat(format) } catch { throw values.invalid("format", .format) }
            } else if !["plain", "oneline", "json"].contains(format) {
                throw values.invalid("format", .format)
            }
            self.format = format
        }
    }

    /// The weather provider, its URLs, key and timeouts.
    mutating func readProviders(_ values: SettingValues) throws(ConfigError) {
        if let value = values.text("provider") {
            guard let provider = ProviderID(rawValue: value.lowercased()) else {
                throw values.invalid("provider", .oneOf(ProviderID.allCases.map(\.rawValue)))
            }
            self.provider = provider
        }
        if let value = values.text("weather") {
            guard let path = WeatherPath(rawValue: value.lowercased()) else {
                throw values.invalid("weather", .oneOf(WeatherPath.allCases.map(\.rawValue)))
            }
            weather = path
        }
        if let url = try values.url("geocoding_url") { geocodingURL = url }
        if let url = try values.url("forecast_url") { forecastURL = url }
        if let url = try values.url("air_quality_url") { airQualityURL = url }
        if let url = try values.url("owm_url") { owmURL = url }
        owmAPIKey = values.nonEmpty("owm_api_key")
        if let seconds = try values.seconds("connect_timeout", 0...600, excludingLowest: true) {
            connectTimeout = seconds
        }
        if let seconds = try values.seconds("timeout", 0...600, excludingLowest: true) { timeout = seconds }
    }

    /// The record service and the sync interval.
    mutating func readRecords(_ values: SettingValues) throws(ConfigError) {
        if let seconds = try values.seconds("sync_interval", 1...86_400) { syncInterval = seconds }
        if values.nonEmpty("records_url") != nil, let url = try values.url("records_url") { recordsURL = url }
        recordsToken = values.nonEmpty("records_token")
        if let flag = try values.flag("records_allow_insecure") { recordsAllowInsecure = flag }
    }
}

/// How weather requests travel: to the provider, or through meteo-records' gateway.
enum WeatherPath: String, CaseIterable, Sendable {
    case direct, service
}
