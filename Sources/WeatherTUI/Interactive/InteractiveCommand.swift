import CommandLineKit
import Dispatch
import Glibc
import RecordStore
import RecordSync
import Synchronization
import WeatherApp
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo` with no subcommand: the interactive screen.
struct InteractiveCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "tui", abstract: "Open the interactive screen (the default).",
        discussion: "Type a place and press Enter; r keeps a result, d deletes a kept one, ? lists every key.",
        options: DisplayOptions.specs)

    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        display = try DisplayOptions(parsed)
    }

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            Console.error(Console.labels.say(.needsTerminal))
            throw ExitStatus.usage
        }
        let runtime = try display.runtime()
        let environment = runtime.environment
        var storeProblem: String?
        var store: SQLiteRecordStore?
        do {
            store = try SQLiteRecordStore(path: SQLiteRecordStore.defaultPath(environment: environment))
        } catch {
            ErrorLog.note(error)
            storeProblem = error.message(Console.labels)
        }
        let queue = EventQueue()
        let http = runtime.makeHTTPClient()
        let provider: any WeatherProvider
        do {
            provider = runtime.makeProvider(http: try runtime.makeWeatherHTTPClient())
        } catch {
            throw ErrorLog.fail(error)
        }
        // Sync runs only when it is set up; a sync that is set up wrongly says so on the status line.
        var syncer: RecordSyncer?
        var syncProblem: SyncError?
        if let store {
            do throws(SyncError) {
                syncer = RecordSyncer(store: store, http: http, endpoint: try runtime.syncEndpoint())
            } catch {
                if error != .notConfigured { syncProblem = error }
            }
        }
        let runner = EffectRunner(
            provider: provider, cache: ForecastCache(directory: runtime.settings.cacheDirectory), store: store,
            syncer: syncer, send: queue.push)
        let color = (environment["NO_COLOR"] ?? "").isEmpty
        let signals = TerminationSignals()
        let terminal = CursesTerminal(color: color)
        defer { terminal.restore() }
        let now = Date()
        var state = AppState(
            size: terminal.size, units: runtime.settings.units, language: runtime.settings.language,
            ascii: runtime.settings.ascii, now: now, localOffset: LocalClock.offset(at: now))
        if syncer != nil { state.sync = AppState.Sync(interval: runtime.settings.syncInterval) }
        // History is read before the first frame and before any network call.
        if let storeProblem {
            _ = state.handle(.storeFailed(message: storeProblem))
        } else {
            _ = state.handle(runner.loadHistoryNow(limit: AppState.pageSize))
        }
        if let syncProblem { state.status = .warning(syncProblem.message(Console.labels)) }
        let drawn = render(state)
        terminal.draw(drawn)
        if environment["METEO_EXIT_AFTER_FIRST_FRAME"] == "1" { return }
        // The first search should not wait for libcurl to load: load it now, behind the first frame.
        CurlHTTPClient.preload()
        for effect in state.requestSync() { runner.run(effect) }

        ScreenLoop(terminal: terminal, effects: runner, queue: queue, stop: { signals.received }).run(
            &state, drawn: drawn)
        // Ended by a signal: the status a shell expects (128 + its number, 143 for SIGTERM), once the terminal is
        // restored (the `defer` above runs first).
        if let number = signals.number { throw ExitCode(128 + number) }
    }
}

/// Events from effect tasks, waiting for the screen's loop to pick them up.
final class EventQueue: Sendable {
    private let events = Mutex<[AppEvent]>([])

    func push(_ event: AppEvent) { events.withLock { $0.append(event) } }

    func drain() -> [AppEvent] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}

/// SIGTERM, SIGINT and SIGHUP end the screen through its loop, so the terminal is always restored.
final class TerminationSignals {
    /// Set from Dispatch's signal handlers, read by the screen's loop.
    final class Flag: Sendable {
        /// The first signal's number; 0 before any.
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in
                _ = flag.value.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            }
            source.resume()
            sources.append(source)
        }
    }

    var received: Bool { number != nil }

    /// The signal that ended the screen, if one did.
    var number: Int32? {
        let value = flag.value.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
