import CommandLineKit
import Glibc
import RecordStore
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo export`: every record (deleted ones too, marked), to move or back up a history.
struct ExportCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "export", abstract: "Write every record to standard output as JSON or CSV.",
        options: [.flag("json", help: "JSON (the default)."), .flag("csv", help: "CSV with a header row.")]
    )

    let csv: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        csv = parsed.flag("csv")
        if csv && parsed.flag("json") {
            throw parsed.error(Console.labels.say(.notBoth, ["one": "--json", "other": "--csv"]))
        }
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let store = try runtime.openStore()
        // Written as read, a page of records at a time: memory stays flat whatever the history's size.
        var output = Console.Buffered()
        do {
            if csv {
                output.write(RecordExchange.csvHeader + "\n")
                try store.forEachRecord { output.write(RecordExchange.csvLine($0) + "\n") }
            } else {
                var export = RecordExchange.JSONExport()
                try store.forEachRecord { output.write(export.piece($0)) }
                output.write(export.end() + "\n")
            }
            output.flush()
        } catch {
            output.flush()
            throw ErrorLog.fail(error)
        }
    }
}
