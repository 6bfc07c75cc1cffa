import Foundation
import Testing
import TextFormats
import WeatherCore

@testable import WeatherApp

/// Whole screens compared with text files under Screens/: text first, then one style letter per cell.
///
/// A missing file, or RECORD_SCREENS=1, writes the file and fails the test, so that a person reads the
/// new screen before it becomes the reference.
@Suite struct GoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]

    enum Scene: String, CaseIterable {
        case empty, history, result
        case pickList = "pick-list"
        case error, stale, help, ascii
        /// A kept record opened from the history: every value, both clocks, the kept mark.
        case record
        /// Names holding ESC, BEL, CR/LF, C1 and bidi overrides (a store from before the rules): shown escaped.
        case hostile
        /// The sync corner in each of its states.
        case synced, syncing
        case syncOffline = "sync-offline"
        case syncFailed = "sync-failed"
        /// A store that could not be opened: said in the history pane, the rest of the screen works.
        case unreadableStore = "unreadable-store"
    }

    static func state(_ scene: Scene, size: Size, language: Language = .english) -> AppState {
        var state = Samples.state(size)
        state.language = language
        let labels = Labels.forLanguage(language)
        let records = (1...30).map { index in
            Samples.record(index, place: [Samples.paris, Samples.tokyo, Samples.parisTexas][index % 3])
        }
        switch scene {
        case .empty:
            _ = state.handle(.historyLoaded([], total: 0, replacing: true))
        case .history:
            _ = state.handle(.historyLoaded(records, total: 1234, replacing: true))
            state.focus = .history
            _ = state.handle(.key(.down))
        case .result, .ascii:
            state.ascii = scene == .ascii
            _ = state.handle(.historyLoaded(Array(records.prefix(5)), total: 5, replacing: true))
            for character in "Paris" { _ = state.handle(.key(.character(character))) }
            _ = state.handle(.key(.enter))
            _ = state.handle(.placesFound([Samples.paris], query: "Paris", requestID: 1))
            _ = state.handle(.forecastLoaded(Samples.forecast(), staleReason: nil, requestID: 1))
        case .pickList:
            _ = state.handle(.historyLoaded(Array(records.prefix(3)), total: 3, replacing: true))
            for character in "Paris" { _ = state.handle(.key(.character(character))) }
            _ = state.handle(.key(.enter))
            _ = state.handle(
                .placesFound([Samples.paris, Samples.parisTexas, Samples.tokyo], query: "Paris", requestID: 1))
            _ = state.handle(.key(.down))
        case .error:
            _ = state.handle(.historyLoaded(Array(records.prefix(3)), total: 3, replacing: true))
            for character in "Paris" { _ = state.handle(.key(.character(character))) }
            _ = state.handle(.key(.enter))
            _ = state.handle(
                .requestFailed(
                    message: WeatherError.network(.connectionRefused(host: "api.open-meteo.com")).message(labels),
                    requestID: 1))
        case .stale:
            _ = state.handle(.historyLoaded(Array(records.prefix(3)), total: 3, replacing: true))
            for character in "東京" { _ = state.handle(.key(.character(character))) }
            _ = state.handle(.key(.enter))
            _ = state.handle(.placesFound([Samples.tokyo], query: "東京", requestID: 1))
            var forecast = Samples.forecast(Samples.tokyo, hours: 5, days: 3)
            forecast.fetchedAt = Samples.now.addingTimeInterval(-7200)
            _ = state.handle(
                .forecastLoaded(
                    forecast,
                    staleReason: WeatherError.network(.dnsFailure(host: "api.open-meteo.com")).message(labels),
                    requestID: 1))
        case .help:
            _ = state.handle(.historyLoaded(Array(records.prefix(3)), total: 3, replacing: true))
            state.focus = .result
            _ = state.handle(.key(.character("?")))
        case .record:
            var kept = Samples.record(1, place: Samples.paris)
            kept.apparentTemperature = 4.2
            kept.windSpeed = 14.4
            kept.windDirection = 225
            kept.pressure = 1016.3
            kept.precipitation = 0.2
            kept.place.country = "France"
            kept.place.timezone = "Europe/Paris"
            kept.keptOffline = true
            kept.id = "000000ff-0000-4000-8000-0000000000ff"
            let page = HistoryPage(
                records: [kept] + Array(records.prefix(4)), offset: 0, total: 5, replacing: true,
                placeOffsets: [kept.id: 3600], localOffsets: [kept.id: 7200])
            _ = state.handle(.historyLoaded(page))
            state.focus = .history
            _ = state.handle(.key(.enter))
            // What the Paris records say: a year of them, the kept one the newest
            let readings = (0..<120).map { day -> PlaceTrend.Reading in
                let angle: Double = Double(day) / 120 * 2 * .pi
                let wobble: Double = Double(day % 5) / 2
                let temperature: Double = day == 0 ? 6 : 11 - 9 * cos(angle) + wobble
                let time = kept.observedAt.addingTimeInterval(-Double(day) * 3 * 86_400)
                return PlaceTrend.Reading(observedAt: time, temperature: temperature)
            }
            _ = state.handle(
                .trendLoaded(
                    PlaceTrend.compute(
                        place: kept.place, readings: readings.reversed(), until: kept.observedAt, buckets: 60),
                    recordID: kept.id))
        case .synced, .syncing, .syncOffline, .syncFailed:
            state.sync = AppState.Sync(interval: 300)
            _ = state.handle(.historyLoaded(Array(records.prefix(3)), total: 3, replacing: true))
            switch scene {
            case .synced: _ = state.handle(.syncFinished(changed: false, waiting: 0))
            case .syncOffline:
                _ = state.handle(
                    .syncFailed(message: "Cannot reach records.example: connection refused.", offline: true, waiting: 2)
                )
            case .syncFailed:
                _ = state.handle(
                    .syncFailed(
                        message: "The record service refused the token (sign in again).", offline: false, waiting: 0))
            default: _ = state.requestSync()
            }
        case .unreadableStore:
            _ = state.handle(
                .storeFailed(message: "The record store at ~/.local/share/meteo/records.sqlite is not a meteo store."))
        case .hostile:
            var names = records.prefix(4).map { $0 }
            let hostile = ["Par\u{1B}[31mis\u{07}", "Two\r\nlines", "C1\u{9B}2J", "evil\u{202E}txt.exe"]
            for index in names.indices { names[index].place.name = hostile[index] }
            _ = state.handle(.historyLoaded(names, total: 4, replacing: true))
            state.focus = .history
            _ = state.handle(.key(.enter))
        }
        return state
    }

    @Test(arguments: Scene.allCases, sizes)
    func screen(scene: Scene, size: Size) throws {
        let screen = render(Self.state(scene, size: size))
        try expectScreen(screen, named: "\(scene.rawValue)-\(size.width)x\(size.height)")
        // No cell holds a character that would act on a terminal.
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { TerminalText.isUnsafe($0) }, "\(scene) \(size)")
        }
    }

    /// The smallest sizes the screen serves: what matters (the place, the temperature, the icon; help and quit)
    /// is still there.
    @Test(
        arguments: [Scene.result, .ascii, .history, .record],
        [Size(width: 24, height: 10), Size(width: 20, height: 6)])
    func smallScreen(scene: Scene, size: Size) throws {
        try expectScreen(render(Self.state(scene, size: size)), named: "\(scene.rawValue)-\(size.width)x\(size.height)")
    }

    /// Every word in the reader's language, at the sizes people use and the smallest: a language is one table,
    /// and its longer words still leave the temperature, the icon and the place.
    @Test(
        arguments: [Language.french, .german].flatMap { language in
            [Scene.result, .record, .help, .stale, .empty, .pickList].map { Spoken(language: language, scene: $0) }
        },
        [
            Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 24, height: 10),
            Size(width: 20, height: 6),
        ])
    func inLanguage(spoken: Spoken, size: Size) throws {
        let screen = render(Self.state(spoken.scene, size: size, language: spoken.language))
        try expectScreen(
            screen, named: "\(spoken.scene.rawValue)-\(spoken.language.rawValue)-\(size.width)x\(size.height)")
    }

    /// A scene in a language.
    struct Spoken: Sendable, CustomTestStringConvertible {
        var language: Language
        var scene: Scene
        var testDescription: String { "\(scene.rawValue) in \(language.rawValue)" }
    }

    @Test(arguments: [
        Size(width: 20, height: 6), Size(width: 19, height: 5), Size(width: 1, height: 1), Size(width: 0, height: 0),
    ])
    func tinyTerminalsNeverCrash(size: Size) {
        for scene in Scene.allCases {
            // Every row of the frame is exactly the terminal's width in cells: nothing cut short, nothing past
            // the edge (a wide character straddling it would make a row one cell too wide).
            let lines = render(Self.state(scene, size: size)).textLines
            #expect(lines.count == size.height, "\(scene) \(size)")
            #expect(lines.allSatisfy { DisplayWidth.of($0) == size.width }, "\(scene) \(size): \(lines)")
        }
        if size.width < 20 || size.height < 6, size.width >= 18, size.height >= 1 {
            #expect(render(Self.state(.result, size: size)).textLines.first?.hasPrefix("Terminal too small") == true)
        }
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = Screen(size: Size(width: 10, height: 1))
        let end = screen.put("東京a", x: 0, y: 0)
        #expect(end == 5)
        #expect(screen[1, 0].isContinuation)
        #expect(screen.textLines == ["東京a     "])
        #expect(screen.put("東", x: 9, y: 0) == 9, "a wide character never straddles the edge")
        #expect(DisplayWidth.clip("東京東京", to: 5) == "東京…")
    }

    func expectScreen(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = (screen.textLines + ["--- styles ---"] + screen.styleLines).joined(separator: "\n") + "\n"
        let recording = ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1"
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(file.lastPathComponent): read it, then run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        let row =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            """
            \(name) differs at line \(row + 1) (RECORD_SCREENS=1 rewrites it):
            expected: \(row < expectedLines.count ? expectedLines[row] : "<end>")
            actual:   \(row < actualLines.count ? actualLines[row] : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
