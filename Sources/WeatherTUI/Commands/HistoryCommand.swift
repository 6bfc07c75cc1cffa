import CommandLineKit
import RecordStore
import TextFormats
import WeatherCore

/// `meteo history`: kept records, newest first, one page at a time.
struct HistoryCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "history", abstract: "List kept records, newest first.",
        discussion: "Pass the last id of a page to --before to see the next one.",
        options: [
            .value("limit", help: "How many records (1…10000)."),
            .value("before", valueName: "id", help: "Only records older than this record."),
            .value("place", valueName: "text", help: "Only places whose name starts with this text."),
            .flag("json", help: "Print {\"records\": [...], \"next\": ID-or-null}."),
            .flag("ids", help: "Print only the records' ids, one a line (for scripts and shell completion)."),
        ] + DisplayOptions.specs([.units, .lang, .ascii]))

    let limit: Int
    let before: String?
    let place: String?
    let json: Bool
    let ids: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        limit = try parsed.int("limit") ?? 20
        guard (1...10_000).contains(limit) else {
            throw parsed.error(Console.labels.say(.withinRange, ["option": "--limit", "low": "1", "high": "10000"]))
        }
        before = parsed.string("before")
        place = parsed.string("place")
        json = parsed.flag("json")
        ids = parsed.flag("ids")
        if json && ids { throw parsed.error(Console.labels.say(.notBoth, ["one": "--json", "other": "--ids"])) }
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let records = try runtime.withStore { store in
            let beforeID = try before.map { try store.record(idPrefix: $0).id }
            return try store.page(HistoryQuery(limit: limit, beforeID: beforeID, placePrefix: place))
        }
        if ids {
            if !records.isEmpty { Console.out(records.map(\.id).joined(separator: "\n")) }
            return
        }
        if json {
            let next: JSONValue = records.count == limit ? records.last.map { .string($0.id) } ?? .null : .null
            Console.json(
                JSONValue.object(["records": .array(records.map(RecordExchange.jsonValue)), "next": next])
                    .serialized(pretty: true))
            return
        }
        let settings = runtime.settings
        guard !records.isEmpty else {
            // For the person at the terminal; a script reading standard output gets nothing, as before.
            Console.error(Console.labels.say(place == nil && before == nil ? .noRecordsYet : .noRecordsMatch))
            return
        }
        Console.out(
            HistoryLine.table(records, units: settings.units, language: settings.language).joined(separator: "\n"))
    }
}

/// One record as one line: short id, local date and time, place, temperature, description.
enum HistoryLine {
    /// Records as a table: places, temperatures (aligned right: signs and decimals line up) and descriptions in
    /// columns by display width.
    static func table(_ records: [WeatherRecord], units: Units, language: Language) -> [String] {
        TextColumns.lines(records.map { cells($0, units: units, language: language) }, right: [3])
    }

    static func text(_ record: WeatherRecord, units: Units, language: Language) -> String {
        cells(record, units: units, language: language).joined(separator: "  ").droppingTrailingSpaces()
    }

    private static func cells(_ record: WeatherRecord, units: Units, language: Language) -> [String] {
        let when = LocalClock.minute(record.recordedAt)
        let measures = Measures(units: units, language: language)
        let temperature = record.temperature.map(measures.temperature) ?? "–"
        let description = record.weatherCode.map { WeatherCode($0).description(in: language) } ?? ""
        // A record kept from an offline result says so, with when it was observed.
        let offline =
            record.keptOffline
            ? "  " + measures.labels.say(.offlineObserved, ["time": LocalClock.minute(record.observedAt)]) : ""
        return [String(record.id.prefix(8)), when, record.place.qualifiedName, temperature, description + offline]
    }
}
