import CommandLineKit
import RecordStore
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo delete ID`: delete a kept record (undo with `meteo undo`).
struct DeleteCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "delete", abstract: "Delete a kept record by its id or a unique start of it.",
        arguments: [.recordID],
        options: DisplayOptions.specs([.units, .lang, .ascii]))

    let id: String
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        id = parsed.argument("id") ?? ""
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let record = try runtime.withStore { try $0.delete(idPrefix: id, at: Date()) }
        let settings = runtime.settings
        let line = HistoryLine.text(record, units: settings.units, language: settings.language)
        Console.out(Console.labels.say(.deletedLine, ["record": line]))
        Console.out(Console.labels.say(.undoHint))
    }
}
