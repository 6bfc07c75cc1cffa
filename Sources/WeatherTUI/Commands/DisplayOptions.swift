import ArgumentParser
import WeatherCore

/// Flags shared by every command that shows weather; each wins over config.toml and `METEO_*`.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Unit system: metric or imperial.", valueName: "system"))
    var units: String?

    @Option(help: ArgumentHelp("Language of descriptions and place names: en or fr.", valueName: "code"))
    var lang: String?

    @Option(help: ArgumentHelp("Weather service: open-meteo or openweathermap.", valueName: "name"))
    var provider: String?

    @Flag(inversion: .prefixedNo, help: "Draw icons with ASCII only (default: when the locale is not UTF-8).")
    var ascii: Bool?

    func validate() throws {
        if let units, Units(rawValue: units.lowercased()) == nil {
            throw ValidationError("--units must be metric or imperial, not '\(units)'.")
        }
        if let lang, Language.fromLocale(lang) == nil {
            throw ValidationError("--lang must be en or fr, not '\(lang)'.")
        }
        if let provider, ProviderID(rawValue: provider.lowercased()) == nil {
            throw ValidationError("--provider must be open-meteo or openweathermap, not '\(provider)'.")
        }
    }

    var overrides: Settings.Overrides {
        Settings.Overrides(
            units: units.flatMap { Units(rawValue: $0.lowercased()) }, language: lang.flatMap(Language.fromLocale),
            provider: provider.flatMap { ProviderID(rawValue: $0.lowercased()) }, ascii: ascii)
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
