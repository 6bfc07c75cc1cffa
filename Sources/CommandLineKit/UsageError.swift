/// A command line that does not fit its command's grammar, or a value that the command refuses.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, as data: a program that speaks more than English says it in its own words.
    public enum Reason: Error, Equatable, Sendable {
        /// `option` as typed, quoted.
        case unknownOption(String)
        /// The option's synopsis, `--limit N`.
        case missingValue(String)
        /// `--flag` as typed, quoted.
        case takesNoValue(String)
        case missingArgument(String)
        /// The word, quoted.
        case unexpectedArgument(String)
        /// The word, quoted, and the command names.
        case unknownCommand(String, [String])
        /// `--name`, the words it takes, and the value given, quoted.
        case notOneOf(option: String, choices: [String], value: String)
        /// `--name` and the value given, quoted, which is not of the kind it takes.
        case notAValue(option: String, value: String)
        /// A command's own sentence, already in the reader's language.
        case sentence(String)
    }

    public let reason: Reason
    /// The command's words, `["meteo", "now"]`: the usage line and the pointer to `--help` name it.
    public let commandPath: [String]
    /// The usage line of that command.
    public let usage: String

    public init(_ reason: Reason, commandPath: [String], usage: String) {
        self.reason = reason
        self.commandPath = commandPath
        self.usage = usage
    }

    public init(_ message: String, commandPath: [String], usage: String) {
        self.init(.sentence(message), commandPath: commandPath, usage: usage)
    }

    /// The reason in English.
    public var message: String {
        switch reason {
        case .unknownOption(let option): "unknown option \(option)"
        case .missingValue(let synopsis): "missing value for '\(synopsis)'"
        case .takesNoValue(let flag): "\(flag) takes no value"
        case .missingArgument(let name): "missing argument <\(name)>"
        case .unexpectedArgument(let word): "unexpected argument \(word)"
        case .unknownCommand(let word, let names):
            "unknown command \(word); the commands are \(names.joined(separator: ", "))"
        case .notOneOf(let option, let choices, let value):
            "'\(option)' takes one of \(choices.joined(separator: ", ")), not \(value)"
        case .notAValue(let option, let value): "'\(option)' does not take \(value)"
        case .sentence(let text): text
        }
    }

    /// What a user sees on stderr: one line, the program's name, the reason, and where the full help is
    /// (`meteo: unknown option '--bogus' (see 'meteo now --help')`).
    public var description: String {
        "\(commandPath.first ?? "error"): \(Self.trimmed(message)) (see '\(commandPath.joined(separator: " ")) --help')"
    }

    /// `reason` without the full stops a sentence ends with: the line goes on after it.
    public static func trimmed(_ reason: String) -> String {
        var reason = reason
        while reason.last == "." { reason.removeLast() }
        return reason
    }
}

/// A process exit status that a command ends with after saying why (or with nothing to say).
public struct ExitCode: Error, Equatable, Sendable {
    public let rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let success = ExitCode(0)
    public static let failure = ExitCode(1)
    /// EX_USAGE from sysexits.h: the command line was wrong.
    public static let usage = ExitCode(64)
}
