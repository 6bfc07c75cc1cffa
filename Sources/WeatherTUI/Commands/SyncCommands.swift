import CommandLineKit
import Glibc
import RecordStore
import RecordSync
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo login URL`: remember a meteo-records service and its token, after checking the token there.
struct LoginCommand: AsyncMeteoCommand {
    static let spec = CommandSpec(
        name: "login", abstract: "Set up sync with a meteo-records service.",
        discussion: """
            The token is read from --token-file, else from standard input when it is not a terminal, else asked \
            for without echo. It is stored in config.toml, which is made readable by you only.
            """,
        arguments: [ArgumentSpec("url", help: "The service's base URL, such as https://records.example.org.")],
        options: [
            .value("token-file", valueName: "path", help: "Read the token from this file."),
            .flag(
                "allow-insecure",
                help: "Allow plain http to a host other than this machine (the token travels in clear)."),
        ])

    let url: String
    let tokenFile: String?
    let allowInsecure: Bool

    init(_ parsed: ParsedCommand) throws(UsageError) {
        url = parsed.argument("url") ?? ""
        tokenFile = parsed.string("token-file")
        allowInsecure = parsed.flag("allow-insecure")
    }

    func run() async throws {
        let runtime = try Runtime(overrides: Settings.Overrides())
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8 else {
            Console.error(Console.labels.say(.notHTTPURL, ["url": TerminalText.quoted(url)]))
            throw ExitStatus.usage
        }
        guard allowInsecure || SyncEndpoint.isSafe(url) else {
            Console.error(Console.labels.say(.plainHTTPRefused, ["url": url]))
            throw ExitStatus.usage
        }
        let token = try readToken()
        let endpoint = SyncEndpoint(baseURL: url, token: token)
        switch await ServiceCheck.check(endpoint, http: runtime.makeHTTPClient()) {
        case .success:
            break
        case .failure(let error):
            if case .unreachable = error {
                Console.warning(Console.labels.say(.tokenUnchecked, ["reason": error.message(Console.labels)]))
            } else {
                throw ErrorLog.fail(error)
            }
        }
        let path = Paths.configFile(runtime.environment)
        do {
            try ConfigFile.update(
                path: path,
                [
                    ("records_url", endpoint.baseURL), ("records_token", token),
                    ("records_allow_insecure", allowInsecure ? "true" : nil),
                ])
        } catch {
            throw ErrorLog.fail(error)
        }
        Console.out(Console.labels.say(.loggedIn, ["url": endpoint.baseURL]))
    }

    private func readToken() throws -> String {
        var text: String
        if let tokenFile {
            guard let bytes = Console.readFile(tokenFile) else {
                Console.error(Console.labels.say(.cannotReadTokenFile, ["file": TerminalText.quoted(tokenFile)]))
                throw ExitStatus.usage
            }
            text = String(decoding: bytes, as: UTF8.self)
        } else if isatty(0) == 0 {
            text = String(decoding: Console.readStandardInput(), as: UTF8.self)
        } else {
            text = Self.askWithoutEcho(Console.labels.say(.tokenPrompt, ["url": url]))
        }
        text = text.trimmedWhitespace()
        guard !text.isEmpty, text.count <= 200, !text.contains(where: \.isWhitespace) else {
            Console.error(Console.labels.say(.tokenShape))
            throw ExitStatus.usage
        }
        return text
    }

    /// Reads a line from the terminal with echo off, restoring the terminal however the read ends.
    private static func askWithoutEcho(_ prompt: String) -> String {
        Console.raw(prompt)
        var saved = termios()
        let haveTerminal = tcgetattr(0, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &quiet)
        }
        defer {
            if haveTerminal { tcsetattr(0, TCSANOW, &saved) }
            Console.raw("\n")
        }
        return readLine(strippingNewline: true) ?? ""
    }
}

/// `meteo logout`: forget the service and its token; local records stay.
struct LogoutCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "logout", abstract: "Stop syncing: forget the service and its token (records stay).")

    init(_ parsed: ParsedCommand) {}

    func run() throws {
        let runtime = try Runtime(overrides: Settings.Overrides())
        let path = Paths.configFile(runtime.environment)
        do {
            try ConfigFile.update(
                path: path, [("records_url", nil), ("records_token", nil), ("records_allow_insecure", nil)])
        } catch {
            throw ErrorLog.fail(error)
        }
        let labels = Console.labels
        let url = runtime.settings.recordsURL ?? labels.say(.theRecordService)
        Console.out(labels.say(.loggedOut, ["url": url]))
        if runtime.environment["METEO_RECORDS_URL"] != nil || runtime.environment["METEO_RECORDS_TOKEN"] != nil {
            Console.warning(labels.say(.stillInEnvironment))
        }
    }
}

/// `meteo sync`: push local changes, pull the others, say what happened.
struct SyncCommand: AsyncMeteoCommand {
    static let spec = CommandSpec(
        name: "sync", abstract: "Sync kept records with the meteo-records service now.",
        options: DisplayOptions.specs([.lang, .ascii]))

    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        display = try DisplayOptions(parsed)
    }

    func run() async throws {
        let runtime = try display.runtime()
        let endpoint: SyncEndpoint
        do {
            endpoint = try runtime.syncEndpoint()
        } catch {
            throw ErrorLog.fail(error)
        }
        let store = try runtime.openStore()
        let syncer = RecordSyncer(store: store, http: runtime.makeHTTPClient(), endpoint: endpoint)
        do {
            let summary = try await syncer.run()
            Console.out(SyncReport.line(summary, ascii: runtime.settings.ascii, Console.labels))
        } catch {
            throw ErrorLog.fail(error)
        }
    }
}

/// The one line `meteo sync` prints: "↑ 3 ↓ 12 · up to date".
enum SyncReport {
    static func line(_ summary: SyncSummary, ascii: Bool, _ labels: Labels) -> String {
        var parts = [
            ascii
                ? labels.say(.asciiUpDown, ["up": String(summary.pushed), "down": String(summary.pulled)])
                : "↑ \(summary.pushed) ↓ \(summary.pulled)"
        ]
        if summary.applied.deleted > 0 {
            parts.append(labels.say(.deletedElsewhere, ["count": String(summary.applied.deleted)]))
        }
        let refused = summary.applied.refused + summary.setAside
        if refused > 0 { parts.append(labels.say(.refusedByService, ["count": String(refused)])) }
        parts.append(labels.say(.upToDate))
        return parts.joined(separator: ascii ? " - " : " · ")
    }
}

/// Talks to a meteo-records service outside a sync: is this token good there?
enum ServiceCheck {
    static func check(_ endpoint: SyncEndpoint, http: any HTTPClient) async -> Result<Void, SyncError> {
        let request = HTTPRequest(
            url: endpoint.baseURL + "/v1/records?limit=1", headers: ["Authorization": "Bearer \(endpoint.token)"])
        do throws(HTTPError) {
            let response = try await http.send(request)
            if response.status == 200 { return .success(()) }
            return .failure(
                SyncError.final(response, url: endpoint.baseURL)
                    ?? .serverFailed(url: endpoint.baseURL, status: response.status))
        } catch {
            return .failure(.unreachable(url: endpoint.baseURL, cause: error))
        }
    }
}
