import Foundation
import Testing
import WeatherCore

@testable import WeatherApp

/// The core, fed events: the new state and the exact effects.
@Suite struct AppStateTests {
    func typed(_ text: String, into state: inout AppState) {
        for character in text { #expect(state.handle(.key(.character(character))) == []) }
    }

    @Test func startReadsHistoryBeforeAnythingElse() {
        var state = Samples.state()
        #expect(state.start() == [.loadHistory(.newest(limit: AppState.pageSize))])
        state.sync = AppState.Sync(interval: 60)
        #expect(state.start() == [.loadHistory(.newest(limit: AppState.pageSize)), .sync])
    }

    @Test func syncRunsAfterChangesAndOnItsIntervalOneRoundAtATime() {
        var state = Samples.state()
        state.sync = AppState.Sync(interval: 60)
        #expect(state.requestSync() == [.sync])
        #expect(state.sync?.indicator == .syncing)
        // A record kept while a round runs asks for another round after it, not a second one now.
        let record = Samples.record(1)
        #expect(state.handle(.recordSaved(record, total: 1)) == [])
        #expect(state.sync?.again == true)
        #expect(state.handle(.syncFinished(changed: false, waiting: 1)) == [.sync])
        // Records from elsewhere: the history is read again around the selection, no key pressed.
        #expect(
            state.handle(.syncFinished(changed: true, waiting: 0))
                == [.loadHistory(.around(id: record.id, limit: AppState.pageSize))])
        #expect(state.sync?.indicator == .synced)
        // The interval: nothing before it has passed, a round after.
        let start = state.now
        #expect(state.handle(.tick(start.addingTimeInterval(30))) == [])
        #expect(state.handle(.tick(start.addingTimeInterval(61))) == [.sync])
        // Offline is shown in the corner only; a refusal also on the status line.
        #expect(state.handle(.syncFailed(message: "down", offline: true, waiting: 3)) == [])
        #expect(state.sync?.indicator == .offline(waiting: 3))
        #expect(
            state.status == .idle || state.status == .info("Recorded \(record.place.name) (\(record.id.prefix(8)))."))
        _ = state.requestSync()
        _ = state.handle(.syncFailed(message: "The token was rejected.", offline: false, waiting: 3))
        #expect(state.sync?.indicator == .failed)
        #expect(state.status == .warning("The token was rejected."))
        // Without sync set up, nothing of it happens.
        var plain = Samples.state()
        #expect(plain.handle(.recordSaved(record, total: 1)) == [])
        #expect(plain.handle(.syncFinished(changed: true, waiting: 0)) == [])
    }

    @Test func typingEditsTheSearchBarAndCommandLettersAreText() {
        var state = Samples.state()
        typed("São rdq?/m", into: &state)
        #expect(state.query.text == "São rdq?/m")
        #expect(state.handle(.key(.control("w"))) == [])
        #expect(state.query.text == "São ")
        _ = state.handle(.key(.home))
        _ = state.handle(.key(.delete))
        _ = state.handle(.key(.right))
        _ = state.handle(.key(.character("!")))
        #expect(state.query.text == "ã!o ")
        _ = state.handle(.key(.end))
        _ = state.handle(.key(.backspace))
        #expect(state.query.text == "ã!o")
        _ = state.handle(.key(.left))
        _ = state.handle(.key(.control("u")))
        #expect(state.query.text == "o")
        #expect(state.query.cursor == 0)
        #expect(!state.isQuitting)
    }

    @Test func enterSearchesAndOnePlaceIsFetchedAtOnce() {
        var state = Samples.state()
        typed(" Paris ", into: &state)
        #expect(state.handle(.key(.enter)) == [.searchPlaces("Paris", requestID: 1)])
        #expect(state.status == .working("Searching Paris…"))
        #expect(
            state.handle(.placesFound([Samples.paris], query: "Paris", requestID: 1)) == [
                .fetchForecast(Samples.paris, requestID: 1)
            ])
        let forecast = Samples.forecast()
        #expect(state.handle(.forecastLoaded(forecast, staleReason: nil, requestID: 1)) == [])
        #expect(state.result?.forecast == forecast)
        #expect(state.focus == .result)
        #expect(state.status == .idle)
        #expect(state.activeRequest == nil)
    }

    @Test func severalPlacesOpenAPickList() {
        var state = Samples.state()
        typed("Paris", into: &state)
        _ = state.handle(.key(.enter))
        #expect(state.handle(.placesFound([Samples.paris, Samples.parisTexas], query: "Paris", requestID: 1)) == [])
        #expect(state.overlay == .pickList([Samples.paris, Samples.parisTexas], selected: 0))
        _ = state.handle(.key(.down))
        _ = state.handle(.key(.down))
        #expect(state.overlay == .pickList([Samples.paris, Samples.parisTexas], selected: 1))
        #expect(state.handle(.key(.enter)) == [.fetchForecast(Samples.parisTexas, requestID: 2)])
        #expect(state.overlay == nil)

        _ = state.handle(.placesFound([Samples.paris, Samples.parisTexas], query: "Paris", requestID: 2))
        _ = state.handle(.key(.escape))
        #expect(state.overlay == nil)
    }

    @Test func noPlaceIsAnErrorLine() {
        var state = Samples.state()
        typed("Atlantis", into: &state)
        _ = state.handle(.key(.enter))
        _ = state.handle(.placesFound([], query: "Atlantis", requestID: 1))
        #expect(state.status == .error("No place called 'Atlantis'. Check the spelling."))
        #expect(state.handle(.key(.enter)) == [.searchPlaces("Atlantis", requestID: 2)])
    }

    @Test func aNewSearchCancelsTheOldAndLateAnswersAreDropped() {
        var state = Samples.state()
        typed("Paris", into: &state)
        _ = state.handle(.key(.enter))
        _ = state.handle(.key(.control("u")))
        typed("Tokyo", into: &state)
        #expect(state.handle(.key(.enter)) == [.cancelRequest(1), .searchPlaces("Tokyo", requestID: 2)])
        #expect(state.handle(.placesFound([Samples.paris], query: "Paris", requestID: 1)) == [])
        #expect(state.handle(.forecastLoaded(Samples.forecast(), staleReason: nil, requestID: 1)) == [])
        #expect(state.handle(.requestFailed(message: "late", requestID: 1)) == [])
        #expect(state.result == nil)
        #expect(state.status == .working("Searching Tokyo…"))
    }

    @Test func escapeCancelsARunningFetch() {
        var state = Samples.state()
        typed("Paris", into: &state)
        _ = state.handle(.key(.enter))
        #expect(state.handle(.key(.escape)) == [.cancelRequest(1)])
        #expect(state.status == .info("Cancelled."))
        #expect(state.handle(.key(.escape)) == [])
    }

    @Test func failuresAndStaleResultsSayWhy() {
        var state = Samples.state()
        typed("Paris", into: &state)
        _ = state.handle(.key(.enter))
        _ = state.handle(.requestFailed(message: "Cannot connect to api.open-meteo.com.", requestID: 1))
        #expect(state.status == .error("Cannot connect to api.open-meteo.com."))
        _ = state.handle(.key(.enter))
        _ = state.handle(.placesFound([Samples.paris], query: "Paris", requestID: 2))
        _ = state.handle(.forecastLoaded(Samples.forecast(), staleReason: "Network down.", requestID: 2))
        #expect(state.status == .warning("Network down. Showing the result from 15:00 (0 s ago)."))
        #expect(state.result?.staleReason == "Network down.")
    }

    @Test func rRecordsTheResultAndTheHistoryUpdatesAtOnce() {
        var state = Samples.state()
        #expect(state.handle(.key(.tab)) == [])
        #expect(state.handle(.key(.character("r"))) == [])
        #expect(state.status == .error("Nothing to record yet: search a place first."))
        state.result = AppState.Result(forecast: Samples.forecast(), staleReason: nil)
        #expect(
            state.handle(.key(.character("r"))) == [.saveRecord(Samples.forecast(), units: .metric, offline: false)])
        #expect(
            state.handle(.key(.character("r"))) == [.saveRecord(Samples.forecast(), units: .metric, offline: false)])
        _ = state.handle(.historyLoaded([Samples.record(1)], total: 1, replacing: true))
        _ = state.handle(.recordSaved(Samples.record(2), total: 2))
        #expect(state.history.records.map(\.id) == [Samples.record(2).id, Samples.record(1).id])
        #expect(state.history.total == 2)
        #expect(state.status == .info("Recorded Paris (00000002)."))
        // The same observation again: nothing added, and the line says so
        #expect(state.handle(.recordAlreadyKept(id: Samples.record(2).id)) == [])
        #expect(state.history.total == 2)
        #expect(state.status == .info("Already kept as 00000002: nothing added."))
    }

    @Test func focusCyclesAndSlashReturnsToTheSearchBar() {
        var state = Samples.state()
        _ = state.handle(.key(.tab))
        #expect(state.focus == .result)
        _ = state.handle(.key(.tab))
        #expect(state.focus == .history)
        _ = state.handle(.key(.character("/")))
        #expect(state.focus == .search)
        _ = state.handle(.key(.backTab))
        #expect(state.focus == .history)
    }

    @Test func qQuitsOutsideTheSearchBarAndCtrlCAnywhere() {
        var state = Samples.state()
        #expect(state.handle(.key(.character("q"))) == [])
        #expect(state.handle(.key(.control("c"))) == [.quit])
        var other = Samples.state()
        _ = other.handle(.key(.tab))
        #expect(other.handle(.key(.character("q"))) == [.quit])
        #expect(other.isQuitting)
    }

    @Test func historyKeysSelectDeleteUndoAndPageIn() {
        var state = Samples.state()
        let records = (1...100).map { Samples.record($0) }
        _ = state.handle(.historyLoaded(records, total: 250, replacing: true))
        _ = state.handle(.key(.tab))
        _ = state.handle(.key(.tab))
        _ = state.handle(.key(.character("j")))
        _ = state.handle(.key(.down))
        #expect(state.history.selected == 2)
        _ = state.handle(.key(.character("k")))
        #expect(state.history.selected == 1)
        #expect(state.handle(.key(.character("d"))) == [.deleteRecord(id: records[1].id)])
        _ = state.handle(.recordDeleted(records[1], total: 249))
        #expect(state.history.records.count == 99)
        #expect(state.status == .info("Deleted Paris (00000002). Press u to undo."))
        #expect(state.handle(.key(.character("u"))) == [.undoDelete])
        // An undo reads the window again around the selected record, and the selection stays on it.
        #expect(
            state.handle(.recordRestored(records[1], total: 250))
                == [.loadHistory(.around(id: records[2].id, limit: 100))])
        _ = state.handle(
            .historyLoaded(
                HistoryPage(records: records, offset: 0, total: 250, replacing: true, selecting: records[2].id)))
        #expect(state.history.selectedRecord?.id == records[2].id)

        // Paging toward the end of what is loaded asks for the next page, once.
        let effects = (0..<5).flatMap { _ in state.handle(.key(.pageDown)) }
        #expect(effects == [.loadHistory(.older(than: records[99].id, limit: 100))])
        #expect(state.history.top + state.historyRows > state.history.selected)
        _ = state.handle(.historyLoaded((101...200).map { Samples.record($0) }, total: 250, replacing: false))
        #expect(state.history.records.count == 200)
        _ = state.handle(.key(.home))
        #expect(state.history.selected == 0)
        #expect(state.history.top == 0)
    }

    @Test func enterOnARecordShowsItAsKeptAndFOnlyFetches() {
        // Given a kept record selected in the history
        var state = Samples.state()
        let record = Samples.record(3, place: Samples.tokyo)
        _ = state.handle(.historyLoaded([record], total: 1, replacing: true))
        state.focus = .history
        // When Enter is pressed, the record opens as it was kept, and nothing is fetched: the store is asked what
        // the records at its place say
        #expect(state.handle(.key(.enter)) == [.loadTrend(recordID: record.id)])
        #expect(state.opened == record)
        #expect(state.focus == .result)
        #expect(state.activeRequest == nil)
        // Its trend is kept when it is this record's; one that arrives for another record is not shown
        let reading = PlaceTrend.Reading(observedAt: record.observedAt, temperature: 7)
        let trend = PlaceTrend.compute(place: record.place, readings: [reading], until: nil, buckets: 10)
        _ = state.handle(.trendLoaded(trend, recordID: "someone-else"))
        #expect(state.openedTrend == nil)
        _ = state.handle(.trendLoaded(trend, recordID: record.id))
        #expect(state.openedTrend == trend)
        // r does not record a record again
        #expect(state.handle(.key(.character("r"))) == [])
        // Esc goes back to the history
        #expect(state.handle(.key(.escape)) == [])
        #expect(state.opened == nil)
        #expect(state.focus == .history)
        // f on the open record fetches the weather now for its place; the answer replaces the view
        _ = state.handle(.key(.enter))
        #expect(state.handle(.key(.character("f"))) == [.fetchForecast(Samples.tokyo, requestID: 1)])
        _ = state.handle(.forecastLoaded(Samples.forecast(), staleReason: nil, requestID: 1))
        #expect(state.opened == nil)
        #expect(state.result?.forecast == Samples.forecast())
        // Tab also goes back from a record view
        state.focus = .history
        _ = state.handle(.key(.enter))
        _ = state.handle(.key(.tab))
        #expect(state.opened == nil)
        #expect(state.focus == .history)
    }

    @Test func endReachesTheOldestOfAHundredThousandInOneKeyAndHomeTheNewest() {
        // Given 100,000 records of which the newest page is loaded
        var state = Samples.state()
        let newest = (1...100).map { Samples.record($0) }
        _ = state.handle(.historyLoaded(newest, total: 100_000, replacing: true))
        state.focus = .history
        // When End is pressed: the oldest record is selected and only the oldest page is asked for
        #expect(state.handle(.key(.end)) == [.loadHistory(.oldest(limit: 100))])
        #expect(state.history.selected == 99_999)
        let oldest = (99_901...100_000).map { Samples.record($0) }
        #expect(
            state.handle(.historyLoaded(HistoryPage(records: oldest, offset: 99_900, total: 100_000, replacing: true)))
                == [])
        #expect(state.history.selectedRecord?.id == oldest.last?.id)
        #expect(state.history.top == 100_000 - state.historyRows)
        // Paging up joins the newer page in front of the window
        let newer = (99_801...99_900).map { Samples.record($0) }
        _ = state.handle(.historyLoaded(HistoryPage(records: newer, offset: 99_800, total: 100_000, replacing: false)))
        #expect(state.history.offset == 99_800)
        #expect(state.history.records.count == 200)
        // G is End too, g and Home go back to the newest
        #expect(state.handle(.key(.character("g"))) == [.loadHistory(.newest(limit: 100))])
        #expect(state.history.selected == 0)
        #expect(state.handle(.key(.character("G"))) == [])  // a load is already running
    }

    @Test func recordsArrivingBySyncKeepTheSelectionOnItsRecord() {
        // Given the tenth record selected
        var state = Samples.state()
        state.sync = AppState.Sync(interval: 60)
        let records = (1...100).map { Samples.record($0) }
        _ = state.handle(.historyLoaded(records, total: 100, replacing: true))
        state.focus = .history
        _ = state.handle(.key(.pageDown))
        let selected = state.history.selectedRecord
        // When a sync round brings records from elsewhere, the window is read again around the selection
        state.sync?.running = true
        let effects = state.handle(.syncFinished(changed: true, waiting: 0))
        #expect(effects == [.loadHistory(.around(id: selected?.id ?? "", limit: 100))])
        // And two new records above it move it down by two rows, on the same record
        let arrived = [Samples.record(1_001), Samples.record(1_002)] + records
        _ = state.handle(
            .historyLoaded(
                HistoryPage(
                    records: Array(arrived.prefix(100)), offset: 0, total: 102, replacing: true,
                    selecting: selected?.id)))
        #expect(state.history.selectedRecord?.id == selected?.id)
        #expect(state.history.total == 102)
    }

    @Test func unitsHelpAndTicks() {
        var state = Samples.state()
        state.focus = .result
        _ = state.handle(.key(.character("m")))
        #expect(state.units == .imperial)
        _ = state.handle(.key(.character("?")))
        #expect(state.overlay == .help)
        #expect(state.handle(.key(.character("q"))) == [])
        #expect(state.overlay == nil)
        #expect(!state.isQuitting)
        state.status = .working("Searching…")
        _ = state.handle(.tick(Samples.now.addingTimeInterval(1)))
        #expect(state.spinner == 1)
        #expect(state.now == Samples.now.addingTimeInterval(1))
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = Samples.state(Size(width: 120, height: 40))
        _ = state.handle(.historyLoaded((1...60).map { Samples.record($0) }, total: 60, replacing: true))
        state.focus = .history
        _ = state.handle(.key(.character("G")))
        _ = state.handle(.resized(Size(width: 40, height: 12)))
        #expect(state.history.selected >= state.history.top)
        #expect(state.history.selected < state.history.top + state.historyRows)
    }

    @Test func anUnreadableStoreIsSaidInThePaneAndTheStatusLine() {
        var state = Samples.state()
        _ = state.handle(.storeFailed(message: "The record store is damaged."))
        #expect(state.history.unavailable)
        #expect(state.status == .error("The record store is damaged."))
        let text = render(state).textLines.joined(separator: "\n")
        #expect(text.contains("Your records cannot be read:"))
        #expect(!text.contains("No records yet."))
        _ = state.handle(.historyLoaded([], total: 0, replacing: true))
        #expect(!state.history.unavailable)
    }

    @Test func keymapDrivesTheFooterAndHelp() {
        let keymap = Keymap.standard
        #expect(keymap.footer(for: .history).map(\.key).contains("d"))
        #expect(!keymap.footer(for: .search).map(\.key).contains("q"))
        #expect(keymap.action(for: .character("r"), in: .search) == nil)
        #expect(keymap.action(for: .character("r"), in: .result) == .record)
        #expect(keymap.helpRows().count == keymap.bindings.count)
    }
}
