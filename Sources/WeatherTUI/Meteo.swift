import CommandLineKit
import Dispatch
import Glibc
import Synchronization
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `meteo` command: the weather in a terminal.
@main
enum Meteo {
    static var commands: [CommandEntry] {
        [
            .sync(InteractiveCommand.self), .async(NowCommand.self), .async(SearchCommand.self),
            .async(RecordCommand.self), .sync(HistoryCommand.self), .sync(DeleteCommand.self),
            .sync(ShowCommand.self), .sync(TrendCommand.self), .sync(UndoCommand.self), .sync(ExportCommand.self),
            .sync(ImportCommand.self),
            .async(SyncCommand.self),
            .async(LoginCommand.self), .sync(LogoutCommand.self), .sync(CompletionsCommand.self),
            .sync(ManpageCommand.self),
        ]
    }

    static let spec = CommandSpec(
        name: "meteo", abstract: "The weather, in your terminal.", subcommands: commands.map(\.spec),
        defaultSubcommand: InteractiveCommand.spec.name, version: MeteoVersion.current)

    static func main() {
        // Commands that will make requests load libcurl while the arguments and configuration are read
        // (the screen does it after its first frame, which must not wait for it).
        if let first = CommandLine.arguments.dropFirst().first, ["now", "search", "record"].contains(first) {
            CurlHTTPClient.preload()
        }
        let code = run(Array(CommandLine.arguments.dropFirst()))
        CurlHTTPClient.finishPreload()
        exit(code.rawValue)
    }

    /// Parses `words`, runs the command they name, and returns how the process should exit.
    static func run(_ words: [String]) -> ExitCode {
        Console.language = Settings.earlyLanguage(words, ProcessInfo.processInfo.environment)
        do {
            let labels = Console.labels
            switch try CommandLineParser.parse(words, root: spec, translate: { labels.help($0) }) {
            case .help(let text), .version(let text):
                Console.out(text)
            case .run(let parsed):
                switch commands.first(where: { $0.spec.name == parsed.name }) {
                case .sync(let type): try type.init(parsed).run()
                case .async(let type): try waitFor(try type.init(parsed))
                case nil: return .failure
                }
            }
            return .success
        } catch let error as UsageError {
            Console.usage(error)
            return .usage
        } catch let code as ExitCode {
            return code
        } catch {
            Console.error(Console.labels.say(.unexpectedError, ["error": String(describing: error)]))
            return .failure
        }
    }

    /// Runs an async command on Swift's thread pool while this (main) thread waits for it.
    private static func waitFor(_ command: some AsyncMeteoCommand) throws {
        let outcome = Mutex<Result<Void, any Error>>(.success(()))
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await command.run()
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }.get()
    }
}
