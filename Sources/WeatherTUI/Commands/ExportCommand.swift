import CommandLineKit
import RecordStore
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
            + DisplayOptions.specs)

    let csv: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        csv = parsed.flag("csv")
        if csv && parsed.flag("json") { throw parsed.error("Choose --json or --csv, not both.") }
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let store = try runtime.openStore()
        do {
            let records = try store.allRecords()
            if csv {
                Console.raw(RecordExchange.exportCSV(records))
            } else {
                Console.out(RecordExchange.exportJSON(records))
            }
        } catch {
            throw ErrorLog.fail(error)
        }
    }
}

/// `meteo import FILE`: add the records of an export; ids already present are skipped.
struct ImportCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Add the records of a `meteo export` file (JSON or CSV); known ids are skipped.",
        arguments: [ArgumentSpec("file", help: "The file, or - for standard input.")],
        options: DisplayOptions.specs)

    let file: String
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        file = parsed.argument("file") ?? "-"
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        let data: Data?
        if file == "-" {
            data = Data(Console.readStandardInput())
        } else {
            data = FileManager.default.contents(atPath: file)
        }
        guard let data, let text = String(validating: data, as: UTF8.self) else {
            Console.error("Cannot read \(file) as UTF-8 text.")
            throw ExitStatus.usage
        }
        let store = try runtime.openStore()
        do {
            let records = try RecordExchange.parse(text)
            let result = try store.importRecords(records)
            Console.out("Imported \(result.added) records (\(result.skipped) already there).")
        } catch {
            Console.error("\(file): " + error.userMessage)
            throw ExitStatus.code(for: error)
        }
    }
}
