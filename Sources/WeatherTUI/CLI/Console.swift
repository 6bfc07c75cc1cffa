import CommandLineKit
import Glibc
import Synchronization
import TextFormats
import WeatherCore

/// Writes to the terminal's standard streams without buffering surprises between them.
///
/// Every byte goes through `TerminalText.visible`: no control or bidirectional character from a place name, a
/// file or a server reaches the terminal raw (JSON output has escaped its controls already, so it is unchanged).
enum Console {
    /// ASCII mode (a non-UTF-8 locale, or `--ascii`), set once the settings are known: text is folded
    /// (`19.5C`, `Sao Paulo`) and JSON escapes what is not ASCII, as the screen does.
    private static let asciiMode = Atomic<Bool>(false)

    static var ascii: Bool {
        get { asciiMode.load(ordering: .relaxed) }
        set { asciiMode.store(newValue, ordering: .relaxed) }
    }

    /// The language of every message, set from the environment at start and from the settings once known (as
    /// LC_MESSAGES is process-wide for a C program).
    private static let messageLanguage = Mutex<Language>(.english)

    static var language: Language {
        get { messageLanguage.withLock { $0 } }
        set { messageLanguage.withLock { $0 = newValue } }
    }

    /// The words of `language`.
    static var labels: Labels { .forLanguage(language) }

    /// One line on standard output.
    static func out(_ text: String) {
        write(1, text + "\n")
    }

    /// JSON on standard output, on a line of its own: its values untouched, in ASCII only in ASCII mode.
    static func json(_ text: String) {
        let json = ascii ? ASCIIText.escapingJSON(text) : text
        write(1, json + "\n", fold: false)
    }

    /// One `meteo: …` line on standard error.
    static func error(_ line: String) {
        write(2, labels.say(.errorLine, ["message": line]) + "\n")
    }

    /// One `meteo: warning: …` line on standard error.
    static func warning(_ line: String) {
        write(2, labels.say(.warningLine, ["message": line]) + "\n")
    }

    /// A refused command line: one line with the reason and where the help is.
    static func usage(_ error: UsageError) {
        let labels = labels
        let reason: String =
            switch error.reason {
            case .unknownOption(let option): labels.say(.unknownOption, ["option": option])
            case .missingValue(let synopsis): labels.say(.missingValue, ["option": synopsis])
            case .takesNoValue(let flag): labels.say(.takesNoValue, ["option": flag])
            case .missingArgument(let name): labels.say(.missingArgument, ["name": name])
            case .unexpectedArgument(let word): labels.say(.unexpectedArgument, ["word": word])
            case .unknownCommand(let word, let names):
                labels.say(.unknownCommand, ["word": word, "names": names.joined(separator: ", ")])
            case .notOneOf(let option, let choices, let value):
                labels.say(.notOneOf, ["option": option, "names": labels.either(choices), "value": value])
            case .notAValue(let option, let value): labels.say(.notAValue, ["option": option, "value": value])
            case .sentence(let text): text
            }
        let line = labels.say(
            .usageLine,
            [
                "program": error.commandPath.first ?? "meteo", "reason": UsageError.trimmed(reason),
                "command": error.commandPath.joined(separator: " "),
            ])
        write(2, line + "\n")
    }

    /// Text on standard output exactly as given (export files: data, never folded).
    static func raw(_ text: String) {
        write(1, text, fold: false)
    }

    /// Standard output in 64 KiB writes, for output of any size (each piece made safe like every other write).
    struct Buffered {
        private var pending = ""

        mutating func write(_ text: String) {
            pending += text
            if pending.utf8.count >= 65_536 { flush() }
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            Console.raw(pending)
            pending = ""
        }
    }

    /// Everything on standard input.
    static func readStandardInput() -> [UInt8] {
        readAll(0)
    }

    /// Everything in the file at `path` (a pipe such as /dev/fd/N too); `nil` when it cannot be opened.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return readAll(descriptor)
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += chunk[0..<count]
        }
    }

    private static func write(_ descriptor: Int32, _ text: String, fold: Bool = true) {
        let visible = TerminalText.visible(text, keepingLineBreaks: true)
        let bytes = Array((fold && ascii ? ASCIIText.fold(visible) : visible).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
