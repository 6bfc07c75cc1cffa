import CommandLineKit
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo now PLACE`: the weather for one place, as text, one line or JSON.
struct NowCommand: AsyncMeteoCommand {
    static let spec = CommandSpec(
        name: "now",
        abstract: "Show the weather for a place.",
        discussion: """
            PLACE is a name, narrowed by what follows a comma: "Paris", "Springfield, MO", "Paris, US", \
            "Paris, Texas". Without PLACE, the `place` setting is used. When the network or the service fails, \
            the last result for the same place is shown, marked stale.
            """,
        arguments: [PlaceOptions.argument],
        options: PlaceOptions.specs + [
            .flag("json", help: "Print JSON (same as --format json)."),
            .value(
                "format", choices: Format.allCases.map(\.rawValue), help: "Output format: plain, oneline or json."),
        ] + DisplayOptions.specs)

    /// How the result is printed.
    enum Format: String, CaseIterable {
        case plain, oneline, json
    }

    let location: PlaceOptions
    let json: Bool
    let format: Format?
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        location = try PlaceOptions(parsed)
        json = parsed.flag("json")
        format = try parsed.choice("format", as: Format.self)
        display = try DisplayOptions(parsed)
        if json, let format, format != .json {
            throw parsed.error(Console.labels.say(.formatDisagrees, ["format": format.rawValue]))
        }
    }

    func run() async throws {
        let runtime = try display.runtime()
        let target = try location.target(runtime)
        let result = try await runtime.forecast(for: target)
        let settings = runtime.settings
        let stale = result.isStale ? StaleText.now(fetchedAt: result.forecast.fetchedAt, now: runtime.clock()) : nil
        if let reason = result.staleBecause, let stale {
            Console.warning(StaleText.warning(reason, stale, forecast: result.forecast))
        }
        switch json ? .json : (format ?? .plain) {
        case .json:
            Console.json(
                WeatherReport(
                    forecast: result.forecast, units: settings.units, language: settings.language,
                    stale: result.isStale
                ).json())
        case .oneline, .plain:
            let report = TextReport(
                forecast: result.forecast, units: settings.units, language: settings.language, ascii: settings.ascii,
                stale: stale)
            Console.out(format == .oneline ? report.oneLine() : report.plain())
        }
        await result.cacheWrite?.value
    }
}
