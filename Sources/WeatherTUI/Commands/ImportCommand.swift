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
        let labels = Console.labels
        let name = file == "-" ? labels.say(.standardInput) : TerminalText.quoted(file)
        if file == "-", isatty(0) == 1 {
            Console.error(labels.say(.stdinIsTerminal))
            throw ExitStatus.usage
        }
        let descriptor = file == "-" ? 0 : open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = labels.say(errno == ENOENT ? .noSuchFile : .notReadable)
            Console.error(labels.say(.cannotReadFile, ["file": TerminalText.quoted(file), "reason": reason]))
            throw ExitStatus.usage
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Console.error(labels.say(.isFolder, ["name": name]))
            throw ExitStatus.usage
        }
        let store = try runtime.openStore()
        // Read and kept a record at a time, in one transaction: flat memory, and nothing kept if one is refused.
        var reader = RecordReader(descriptor: descriptor)
        do {
            let result = try store.importRecords(from: &reader)
            Console.out(
                labels.say(
                    result.added == 1 ? .importedOne : .importedMany,
                    ["count": String(result.added), "skipped": String(result.skipped)]))
        } catch RecordStoreError.emptyInput {
            let sentence = labels.say(.isEmpty, ["name": name])
            Console.error(sentence.prefix(1).uppercased() + sentence.dropFirst())
            throw ExitStatus.usage
        } catch {
            Console.error("\(name): " + error.message(labels))
            throw ExitStatus.code(for: error)
        }
    }
}
