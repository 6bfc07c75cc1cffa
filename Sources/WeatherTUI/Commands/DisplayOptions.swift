import CommandLineKit
import TextFormats
import WeatherCore

/// Flags shared by the commands that show weather, each command taking those that change what it does; each wins
/// over config.toml and `METEO_*`.
struct DisplayOptions {
    /// One of the shared flags.
    enum Flag: CaseIterable {
        case units, lang, provider, ascii

        var spec: OptionSpec {
            switch self {
            case .units:
                .value(
                    "units", valueName: "system", choices: Units.allCases.map(\.rawValue),
                    help: "Unit system: metric or imperial.")
            case .lang:
                .value(
                    "lang", valueName: "code", choices: Language.allCases.map(\.rawValue),
                    help: "Language of every word meteo writes and of place names: en, fr or de.")
            case .provider:
                .value(
                    "provider", valueName: "name", choices: ProviderID.allCases.map(\.rawValue),
                    help: "Weather service: open-meteo or openweathermap.")
            case .ascii:
                .invertibleFlag(
                    "ascii",
                    help: "Write ASCII only: icons, the degree sign, accents (default: when the locale is not UTF-8).")
            }
        }
    }

    /// All of them: the commands that fetch and show the weather.
    static let specs = specs(Flag.allCases)

    static func specs(_ flags: [Flag]) -> [OptionSpec] { flags.map(\.spec) }

    let overrides: Settings.Overrides

    init(_ parsed: ParsedCommand) throws(UsageError) {
        var overrides = Settings.Overrides()
        if parsed.takes("units"), let units = parsed.string("units") {
            guard let value = Units(rawValue: units.lowercased()) else {
                throw parsed.error(
                    .notOneOf(
                        option: "--units", choices: Units.allCases.map(\.rawValue), value: TerminalText.quoted(units)))
            }
            overrides.units = value
        }
        if parsed.takes("lang"), let lang = parsed.string("lang") {
            guard let value = Language.fromLocale(lang) else {
                throw parsed.error(
                    .notOneOf(
                        option: "--lang", choices: Language.allCases.map(\.rawValue), value: TerminalText.quoted(lang)))
            }
            overrides.language = value
        }
        if parsed.takes("provider"), let provider = parsed.string("provider") {
            guard let value = ProviderID(rawValue: provider.lowercased()) else {
                throw parsed.error(
                    .notOneOf(
                        option: "--provider", choices: ProviderID.allCases.map(\.rawValue),
                        value: TerminalText.quoted(provider)))
            }
            overrides.provider = value
        }
        if parsed.takes("ascii") { overrides.ascii = parsed.optionalFlag("ascii") }
        self.overrides = overrides
    }

    /// Loads the runtime for these flags, printing a configuration error as one line.
    /// - Throws: `ExitStatus.configuration` after printing the reason.
    func runtime() throws -> Runtime {
        do {
            return try Runtime(overrides: overrides)
        } catch {
            Console.error(error.message(Console.labels))
            throw ExitStatus.configuration
        }
    }
}

extension ArgumentSpec {
    /// The id argument of the commands that name one kept record (shells complete it from the store).
    static let recordID = ArgumentSpec(
        "id", help: "The record's id, or enough of its start to name one record (see `meteo history`).",
        completion: .command("meteo history --ids --limit 1000"))
}
