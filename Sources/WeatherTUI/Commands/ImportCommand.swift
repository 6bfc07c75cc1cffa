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

/// `meteo import FILE`: add the records of an export; ids already present are skipped.
struct ImportCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Add the records of a `meteo export` file (JSON or CSV); known ids are skipped.",
        arguments: [ArgumentSpec("file", help: "The file, or - for standard input.", completion: .files)],
        options: DisplayOptions.specs([.lang]))

    let file: String
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        file = parsed.argument("file") ?? "-"
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        let runtime = try display.runtime()
        // What the messages call the input: the file's name, quoted, or standard input.
        let name = file == "-" ? "standard input" : TerminalText.quoted(file)
        if file == "-", isatty(0) == 1 {
            Console.error("Standard input is a terminal: pipe an export into it (meteo import - < FILE).")
            throw ExitStatus.usage
        }
        let descriptor = file == "-" ? 0 : open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            Console.error(
                "Cannot read \(TerminalText.quoted(file)): \(errno == ENOENT ? "no such file" : "not readable").")
            throw ExitStatus.usage
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Console.error("\(name) is a folder, not an export file.")
            throw ExitStatus.usage
        }
        let store = try runtime.openStore()
        // Read and kept a record at a time, in one transaction: flat memory, and nothing kept if one is refused.
        var reader = RecordReader(descriptor: descriptor)
        do {
            let result = try store.importRecords(from: &reader)
            let noun = result.added == 1 ? "record" : "records"
            Console.out("Imported \(result.added) \(noun) (\(result.skipped) already there).")
        } catch RecordStoreError.emptyInput {
            Console.error("\(name.prefix(1).uppercased() + name.dropFirst()) is empty: nothing to import.")
            throw ExitStatus.usage
        } catch {
            Console.error("\(name): " + error.userMessage)
            throw ExitStatus.code(for: error)
        }
    }
}
