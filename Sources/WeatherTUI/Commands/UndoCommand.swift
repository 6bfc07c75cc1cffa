import CommandLineKit
import RecordStore
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo undo`: restore the last deleted record.
struct UndoCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "undo", abstract: "Restore the last deleted record.",
        options: DisplayOptions.specs([.units, .lang, .ascii]))

    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        guard let record = try runtime.withStore({ try $0.undoLastDelete() }) else {
            Console.out(Console.labels.say(.nothingToUndo))
            return
        }
        let settings = runtime.settings
        let line = HistoryLine.text(record, units: settings.units, language: settings.language)
        Console.out(Console.labels.say(.restoredLine, ["record": line]))
    }
}
