import CommandLineKit
import TextFormats
import WeatherCore

/// Flags shared by every command that shows weather; each wins over config.toml and `METEO_*`.
struct DisplayOptions {
    static let specs: [OptionSpec] = [
        .value("units", valueName: "system", help: "Unit system: metric or imperial."),
        .value("lang", valueName: "code", help: "Language of descriptions and place names: en or fr."),
        .value("provider", valueName: "name", help: "Weather service: open-meteo or openweathermap."),
        .invertibleFlag("ascii", help: "Draw icons with ASCII only (default: when the locale is not UTF-8)."),
    ]

    let overrides: Settings.Overrides

    init(_ parsed: ParsedCommand) throws(UsageError) {
        var overrides = Settings.Overrides()
        if let units = parsed.string("units") {
            guard let value = Units(rawValue: units.lowercased()) else {
                throw parsed.error("--units must be metric or imperial, not \(TerminalText.quoted(units)).")
            }
            overrides.units = value
        }
        if let lang = parsed.string("lang") {
            guard let value = Language.fromLocale(lang) else {
                throw parsed.error("--lang must be en or fr, not \(TerminalText.quoted(lang)).")
            }
            overrides.language = value
        }
        if let provider = parsed.string("provider") {
            guard let value = ProviderID(rawValue: provider.lowercased()) else {
                throw parsed.error(
                    "--provider must be open-meteo or openweathermap, not \(TerminalText.quoted(provider)).")
            }
            overrides.provider = value
        }
        overrides.ascii = parsed.optionalFlag("ascii")
        self.overrides = overrides
    }

    /// Loads the runtime for these flags, printing a configuration error as one line.
    /// - Throws: `ExitStatus.configuration` after printing the reason.
    func runtime() throws -> Runtime {
        do {
            return try Runtime(overrides: overrides)
        } catch {
            Console.error(error.userMessage)
            throw ExitStatus.configuration
        }
    }
}

extension ArgumentSpec {
    /// The id argument of the commands that name one kept record.
    static let recordID = ArgumentSpec(
        "id", help: "The record's id, or enough of its start to name one record (see `meteo history`).")
}
