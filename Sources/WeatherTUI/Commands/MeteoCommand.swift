import CommandLineKit

/// A `meteo` subcommand that works on this thread: the store, the screen, the config file.
protocol MeteoCommand {
    static var spec: CommandSpec { get }

    /// Reads and checks the values; a refusal is printed with the command's usage.
    init(_ parsed: ParsedCommand) throws(UsageError)

    /// Does the work. Failures are printed where they happen, then thrown as an `ExitCode`.
    func run() throws
}

/// A `meteo` subcommand that waits on the network.
protocol AsyncMeteoCommand: Sendable {
    static var spec: CommandSpec { get }

    /// Reads and checks the values; a refusal is printed with the command's usage.
    init(_ parsed: ParsedCommand) throws(UsageError)

    /// Does the work. Failures are printed where they happen, then thrown as an `ExitCode`.
    func run() async throws
}

/// One entry of meteo's command table. Kept apart so that a command that never awaits runs without
/// starting Swift's thread pool (about a millisecond of every `meteo history`).
enum CommandEntry {
    case sync(any MeteoCommand.Type)
    case async(any AsyncMeteoCommand.Type)

    var spec: CommandSpec {
        switch self {
        case .sync(let type): type.spec
        case .async(let type): type.spec
        }
    }
}
