import CommandLineKit
import TextFormats
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
                "format", choices: Format.allCases.map(\.rawValue),
                help: "Output format: plain, oneline, json, or a line of your own such as '{icon} {temperature}'."),
        ] + DisplayOptions.specs)

    /// The named ways the result is printed.
    enum Format: String, CaseIterable {
        case plain, oneline, json
    }

    /// How this run prints: a named format or a line of the user's own.
    enum Output: Equatable {
        case named(Format)
        case line(LineFormat)

        /// `text` as `--format` or the `format` setting gives it.
        static func read(_ text: String, option: String) throws(UsageError.Reason) -> Output {
            if let format = Format(rawValue: text) { return .named(format) }
            guard LineFormat.isTemplate(text) else {
                throw .notOneOf(
                    option: option, choices: Format.allCases.map(\.rawValue) + ["'{…}'"],
                    value: TerminalText.quoted(text))
            }
            do {
                return .line(try LineFormat(text))
            } catch .unknown(let name) {
                let names = LineFormat.Placeholder.allCases.map(\.rawValue).joined(separator: ", ")
                throw .sentence(
                    Console.labels.say(
                        .unknownPlaceholder,
                        ["placeholder": TerminalText.quoted("{" + name + "}"), "option": option, "names": names]))
            } catch {
                throw .sentence(Console.labels.say(.unclosedBrace, ["option": option]))
            }
        }
    }

    let location: PlaceOptions
    let json: Bool
    let output: Output?
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        location = try PlaceOptions(parsed)
        json = parsed.flag("json")
        do {
            output = try parsed.string("format").map { text throws(UsageError.Reason) in
                try Output.read(text, option: "--format")
            }
        } catch {
            throw parsed.error(error)
        }
        display = try DisplayOptions(parsed)
        if json, let output, output != .named(.json) {
            let shown = if case .named(let format) = output { format.rawValue } else { "'{…}'" }
            throw parsed.error(Console.labels.say(.formatDisagrees, ["format": shown]))
        }
    }

    func run() async throws {
        let runtime = try display.runtime()
        let target = try location.target(runtime)
        let (result, gateway) = try await runtime.forecast(for: target)
        let settings = runtime.settings
        let stale = result.isStale ? StaleText.now(fetchedAt: result.forecast.fetchedAt, now: runtime.clock()) : nil
        if let reason = result.staleBecause, let stale {
            Console.warning(StaleText.warning(reason, stale, forecast: result.forecast))
        }
        let airFailure = result.airQualityFailure.map { $0.message(Console.labels) }
        if let failure = result.airQualityFailure { ErrorLog.note(failure) }
        // The flag, then the `format` setting (checked when the settings were read), then the block of text.
        let chosen = json ? .named(.json) : output ?? settings.format.flatMap { try? Output.read($0, option: "format") }
        switch chosen ?? .named(.plain) {
        case .named(.json):
            Console.json(
                WeatherReport(
                    forecast: result.forecast, units: settings.units, language: settings.language,
                    stale: result.isStale, airFailure: airFailure, gateway: gateway
                ).json())
        case .named(let format):
            let report = TextReport(
                forecast: result.forecast, units: settings.units, language: settings.language, ascii: settings.ascii,
                stale: stale, airFailure: airFailure)
            Console.out(format == .oneline ? report.oneLine() : report.plain())
        case .line(let line):
            Console.out(
                line.render(
                    result.forecast, units: settings.units, language: settings.language, ascii: settings.ascii,
                    now: runtime.clock()))
        }
        await result.cacheWrite?.value
    }
}
