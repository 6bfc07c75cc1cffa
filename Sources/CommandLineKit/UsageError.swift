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

    /// What a user sees on stderr: the reason, the usage, and where the full help is.
    public var description: String {
        "Error: \(message)\nUsage: \(usage)\n  See '\(commandPath.joined(separator: " ")) --help' for more information."
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
