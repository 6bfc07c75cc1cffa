import ArgumentParser
import WeatherCore

/// The `meteo` command: the weather in a terminal.
@main
struct Meteo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meteo",
        abstract: "The weather, in your terminal.",
        version: MeteoVersion.current,
        subcommands: [
            InteractiveCommand.self, NowCommand.self, SearchCommand.self, RecordCommand.self, HistoryCommand.self,
            DeleteCommand.self,
            UndoCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self, LoginCommand.self,
            LogoutCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self)

    static func main() async {
        // Commands that will make requests load libcurl while the arguments and configuration are read
        // (the screen does it after its first frame, which must not wait for it).
        if let first = CommandLine.arguments.dropFirst().first, ["now", "search", "record"].contains(first) {
            CurlHTTPClient.preload()
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
