import CommandLineKit
import RecordStore
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo trend PLACE`: what the records kept at a place say over time. It reads the store only, offline.
struct TrendCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "trend", abstract: "Show what your records at a place say over time: a chart, the warmest and coldest.",
        discussion: """
            Reads your kept records only (every synced device's too), never the network. PLACE is a name, \
            narrowed as for `meteo now`: "Paris, US".
            """,
        arguments: [
            ArgumentSpec("place", help: "The place, e.g. Paris or \"Springfield, MO\".", isRepeating: true)
        ],
        options: [
            .value("days", help: "Only the records of the last N days (1…36500)."),
            .flag("json", help: "Print JSON."),
        ] + DisplayOptions.specs([.units, .lang, .ascii]))

    let place: String
    let days: Int?
    let json: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        place = parsed.arguments("place").joined(separator: " ")
        days = try parsed.int("days")
        if let days, !(1...36_500).contains(days) {
            throw parsed.error(Console.labels.say(.withinRange, ["option": "--days", "low": "1", "high": "36500"]))
        }
        guard PlaceQuery(place) != nil else { throw parsed.error(Console.labels.say(.nameSearch)) }
        json = parsed.flag("json")
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        guard let query = PlaceQuery(place) else { return }
        let now = runtime.clock()
        let since = days.map { now.addingTimeInterval(-Double($0) * 86_400) }
        let settings = runtime.settings
        // One column a slice: the width of a terminal line.
        let trend = try runtime.withStore {
            try $0.trend(TrendRequest(anchor: .place(query), since: since, buckets: 72))
        }
        guard let trend else {
            Console.error(Console.labels.say(.noTrend, ["place": TerminalText.quoted(place)]))
            throw ExitStatus.notFound
        }
        let text = TrendText(
            trend, units: settings.units, language: settings.language, localOffset: LocalClock.offset(at: now))
        if json {
            Console.json(text.json.serialized(pretty: true))
            return
        }
        var lines = [text.title, ""]
        let chart = text.chart(
            width: 78, rows: 4, bars: settings.ascii ? BarChart.ascii : BarChart.unicode, ascii: settings.ascii)
        if !chart.isEmpty { lines += chart + [""] }
        lines += [text.latest, text.extremes]
        Console.out(lines.joined(separator: "\n"))
    }
}
