import Foundation
import Testing
import WeatherTestSupport

/// The built `meteo` in a real terminal (tmux) against the fixture server, used as a person would.
@Suite struct InteractiveScreenTests {
    let meteo: ChildProcess
    let home: TemporaryDirectory
    let server: FixtureServer

    init() throws {
        meteo = try ChildProcess.built()
        home = try TemporaryDirectory()
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        server = try FixtureServer { routes.reply(to: $0) }
    }

    func start(
        server: FixtureServer? = nil, lang: String = "C.UTF-8", extra: [String: String] = [:], width: Int = 100,
        height: Int = 30
    ) throws -> TmuxSession {
        let base = (server ?? self.server).baseURL
        let environment = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "TERM": "tmux-256color", "LANG": lang, "TZ": "UTC",
            "METEO_GEOCODING_URL": base, "METEO_FORECAST_URL": base, "METEO_AIR_QUALITY_URL": base,
            "METEO_DATA_DIR": home.path + "/data",
            "METEO_CACHE_DIR": home.path + "/cache",
        ].merging(extra) { $1 }
        return try TmuxSession(program: meteo.path, environment: environment, width: width, height: height)
    }

    func quit(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.send("q")
        #expect(session.waitFor { _ in session.exitStatus != nil }, sourceLocation: sourceLocation)
        #expect(session.exitStatus == 0, sourceLocation: sourceLocation)
        // The terminal is handed back: the screen's frame is gone.
        #expect(!session.capture().contains { $0.contains("meteo ❯") }, sourceLocation: sourceLocation)
    }

    @Test func searchRecordQuitAndTheRecordIsThereAtTheNextStartThenDeleteIt() throws {
        // Type a place, pick it, record it, quit
        let first = try start()
        #expect(first.waitFor(text: "No records yet."))
        try first.type("Paris")
        try first.send("Enter")
        #expect(first.waitFor(text: "Which one?"))
        try first.send("Enter")
        #expect(first.waitFor(text: "Paris, Île-de-France, FR · 14:15"))
        #expect(first.waitFor(text: "9.3°C   feels like 6.9°C"))
        try first.send("r")
        #expect(first.waitFor(text: "History (1)"))
        try quit(first)

        // Start again: the record is on screen before any key
        let second = try start()
        #expect(second.waitFor(text: "History (1)"))
        #expect(second.capture().contains { $0.contains("Paris") && $0.contains("9°") })
        try second.send("Tab")
        try second.send("Tab")
        #expect(second.waitFor(text: "▸ History (1)"))
        try second.send("d")
        #expect(second.waitFor(text: "History (0)"))
        #expect(second.waitFor(text: "Press u to undo."))
        try quit(second)

        // And again: it is gone
        let third = try start()
        #expect(third.waitFor(text: "No records yet."))
        #expect(third.waitFor(text: "History (0)"))
        // In the search bar q is text; Tab leaves it.
        try third.type("q")
        #expect(third.waitFor(text: "meteo ❯ q"))
        try third.send("Tab")
        try quit(third)
    }

    /// A German locale that is not installed (CI machines have C.UTF-8 only): the screen speaks German and
    /// still draws its accents, since the encoding is what matters.
    @Test func aGermanScreenFromALocaleThatIsNotInstalled() throws {
        let session = try start(lang: "de_DE.UTF-8", width: 80, height: 24)
        #expect(session.waitFor(text: "Noch keine Einträge."))
        try session.type("Paris")
        try session.send("Enter")
        #expect(session.waitFor(text: "Welcher?"))
        #expect(session.capture().contains { $0.contains("Paris, Île-de-France, France  (2.138.551)") })
        try session.send("Enter")
        #expect(session.waitFor(text: "9,3 °C   gefühlt 6,9 °C"))
        try session.send("r")
        #expect(session.waitFor(text: "Paris gespeichert"))
        #expect(session.waitFor(text: "Verlauf (1)"))
        try quit(session)
    }

    @Test func aKeptRecordOpensWithoutARequestEndReachesTheOldestAndFFetches() throws {
        // Given 100,000 kept records, one a minute from 2023-11-14T22:13:20Z
        let bench = try ChildProcess.builtProduct("meteo-bench")
        try FileManager.default.createDirectory(atPath: home.path + "/data", withIntermediateDirectories: true)
        let populate = try Spawn.run(bench, ["populate", home.path + "/data/records.sqlite", "100000"])
        #expect(populate.status == 0, "\(populate.output)")
        let session = try start()
        #expect(session.waitFor(text: "History (100000)"))
        try session.send("Tab")
        try session.send("Tab")
        #expect(session.waitFor(text: "▸ History"))

        // When End is pressed once, the oldest record is selected
        try session.send("End")
        #expect(session.waitFor(text: "14 Nov 22:13"))
        // And Enter opens it as kept, with nothing sent to the weather server
        let requests = server.requests.count
        try session.send("Enter")
        #expect(session.waitFor(text: "Kept record, not live weather"))
        #expect(session.capture().contains { $0.contains("Observed 23:13 at the place (UTC+01:00)") })
        #expect(server.requests.count == requests)
        // Esc goes back; Home goes to the newest
        try session.send("Escape")
        #expect(session.waitFor(text: "▸ History"))
        try session.send("Home")
        #expect(session.waitFor(text: "23 Jan 08:52"))
        // f on an open record fetches the weather now for its place
        try session.send("Enter")
        #expect(session.waitFor(text: "Kept record, not live weather"))
        try session.send("f")
        #expect(session.waitFor { !$0.contains { $0.contains("Kept record, not live weather") } })
        #expect(server.requests.count > requests)
        try quit(session)
    }

    @Test func resizeStormsNeverBreakTheScreen() throws {
        let session = try start()
        try session.type("Tokyo")
        try session.send("Enter")
        #expect(session.waitFor(text: "Tokyo, 東京都, JP"))
        for step in 0..<40 {
            let sizes = [(10, 3), (20, 6), (19, 5), (40, 12), (80, 24), (160, 50), (33, 7)]
            let (width, height) = sizes[step % sizes.count]
            try session.resize(width: width, height: height)
        }
        try session.resize(width: 30, height: 6)
        #expect(session.waitFor(text: "▸ Tokyo"))
        try session.resize(width: 15, height: 4)
        #expect(session.waitFor(text: "Terminal too"))
        try session.resize(width: 120, height: 40)
        #expect(session.waitFor(text: "Tokyo, 東京都, JP · 22:15"))
        #expect(session.exitStatus == nil)
        // Wide characters keep the separator aligned.
        let rows = session.capture().filter { $0.contains("│") }
        #expect(rows.count > 10)
        try quit(session)
    }

    @Test func escCancelsASlowFetchAndTypingStaysLive() throws {
        let slow = try FixtureServer { _ in .delayed(seconds: 8, then: .json("{}")) }
        let session = try start(server: slow)
        try session.type("Paris")
        try session.send("Enter")
        #expect(session.waitFor(text: "Searching Paris…"))
        try session.type("xyz")
        #expect(session.waitFor(text: "meteo ❯ Parisxyz"))
        try session.send("Escape")
        #expect(session.waitFor(text: "Cancelled."))
        try session.send("C-c")
        #expect(session.waitFor { _ in session.exitStatus != nil })
        #expect(session.exitStatus == 0)
    }

    @Test func aServerErrorIsOneLineAndTheScreenGoesOn() throws {
        let failing = try FixtureServer { _ in .respond(status: 500, body: Data("oops".utf8)) }
        let session = try start(server: failing)
        try session.type("Paris")
        try session.send("Enter")
        #expect(session.waitFor(text: "Open-Meteo reported an error (HTTP 500): unexpected answer"))
        try session.send("Tab")
        try quit(session)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try start()
        #expect(session.waitFor(text: "No records yet."))
        let pid = try #require(session.programPID)
        kill(pid, SIGTERM)
        #expect(session.waitFor { _ in session.exitStatus != nil })
        // Ended by SIGTERM, as a shell reports it (128 + 15), after the terminal was restored
        #expect(session.exitStatus == 143)
        #expect(!session.capture().contains { $0.contains("meteo ❯") })
    }

    @Test func asciiWhenTheLocaleIsNotUTF8() throws {
        let session = try start(lang: "C", extra: ["NO_COLOR": "1"])
        #expect(session.waitFor(text: "History (0)"))
        try session.type("Paris")
        try session.send("Enter")
        #expect(session.waitFor(text: "Which one?"))
        try session.send("Enter")
        #expect(session.waitFor(text: "Paris, Ile-de-France, FR - 14:15"))
        #expect(session.capture().allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        try session.send("C-c")
        #expect(session.waitFor { _ in session.exitStatus != nil })
    }
}
