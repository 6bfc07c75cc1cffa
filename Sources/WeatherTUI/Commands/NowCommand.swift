import ArgumentParser
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo now PLACE`: the weather for one place, as text, one line or JSON.
struct NowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Show the weather for a place.",
        discussion: """
            PLACE is a name, narrowed by what follows a comma: "Paris", "Springfield, MO", "Paris, US", \
            "Paris, Texas". Without PLACE, the `place` setting is used. When the network or the service fails, \
            the last result for the same place is shown, marked stale.
            """)

    /// How the result is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case plain, oneline, json
    }

    @OptionGroup var location: PlaceOptions

    @Flag(help: "Print JSON (same as --format json).")
    var json = false

    @Option(help: "Output format: plain, oneline or json.")
    var format: Format?

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) disagree.")
        }
    }

    func run() async throws {
        let runtime = try display.runtime()
        let target = try location.target(runtime)
        let result: WeatherLookup.Result
        do {
            result = try await runtime.makeLookup().forecast(for: target)
        } catch {
            throw ErrorLog.fail(error)
        }
        let settings = runtime.settings
        let staleAge = result.isStale ? max(0, Date().timeIntervalSince(result.forecast.fetchedAt)) : nil
        if let reason = result.staleBecause, let staleAge {
            Console.warning(
                "\(reason.userMessage) Showing the result from \(DurationText.short(seconds: Int(staleAge))) ago.")
        }
        switch json ? .json : (format ?? .plain) {
        case .json:
            Console.out(
                WeatherReport(
                    forecast: result.forecast, units: settings.units, language: settings.language,
                    stale: result.isStale
                ).json())
        case .oneline, .plain:
            let report = TextReport(
                forecast: result.forecast, units: settings.units, language: settings.language, ascii: settings.ascii,
                staleAge: staleAge)
            Console.out(format == .oneline ? report.oneLine() : report.plain())
        }
        await result.cacheWrite?.value
    }
}
