import CommandLineKit
import RecordStore
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo show ID`: one kept record as it was kept, as the screen's record view shows it. Nothing is fetched.
struct ShowCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "show", abstract: "Show a kept record as it was kept, by its id or a unique start of it.",
        arguments: [.recordID],
        options: [.flag("json", help: "Print the record as JSON (the shape `meteo export` writes).")]
            + DisplayOptions.specs([.units, .lang, .ascii]))

    let id: String
    let json: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        id = parsed.argument("id") ?? ""
        json = parsed.flag("json")
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let record = try runtime.withStore { try $0.record(idPrefix: id) }
        if json {
            Console.json(RecordExchange.jsonValue(record).serialized(pretty: true))
            return
        }
        let settings = runtime.settings
        let placeOffset = record.place.timezone.flatMap { ZoneInfo.offset(zone: $0, at: record.observedAt) }
        let lines = KeptRecordText.lines(
            record, units: settings.units, language: settings.language, ascii: settings.ascii,
            placeOffset: placeOffset, localOffset: LocalClock.offset(at: record.observedAt))
        Console.out(lines.map(\.text).joined(separator: "\n"))
    }
}
