/// A command line that does not fit its command's grammar, or a value that the command refuses.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// The command's words, `["meteo", "now"]`: the usage line and the pointer to `--help` name it.
    public let commandPath: [String]
    /// The usage line of that command.
    public let usage: String

    public init(_ message: String, commandPath: [String], usage: String) {
        self.message = message
        self.commandPath = commandPath
        self.usage = usage
    }

    /// What a user sees on stderr: one line, the program's name, the reason, and where the full help is
    /// (`meteo: unknown option '--bogus' (see 'meteo now --help')`).
    public var description: String {
        var reason = message
        while reason.last == "." { reason.removeLast() }
        return "\(commandPath.first ?? "error"): \(reason) (see '\(commandPath.joined(separator: " ")) --help')"
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
