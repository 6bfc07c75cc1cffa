import TextFormats
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Something that happened: a key, a resize, a clock tick, or the answer to an effect.
public enum AppEvent: Sendable {
    case key(Key)
    case resized(Size)
    case tick(Date)
    case placesFound([Place], query: String, requestID: Int)
    case forecastLoaded(Forecast, staleReason: String?, requestID: Int)
    case requestFailed(message: String, requestID: Int)
    /// A page of history and where it lies in the whole of it.
    case historyLoaded(HistoryPage)
    case recordSaved(WeatherRecord, total: Int)
    /// `r` on an observation that is already kept, as record `id`: nothing was added.
    case recordAlreadyKept(id: String)
    case recordDeleted(WeatherRecord, total: Int)
    case recordRestored(WeatherRecord?, total: Int)
    case storeFailed(message: String)
    /// A sync round ended; `changed` when records arrived or were deleted from elsewhere.
    case syncFinished(changed: Bool, waiting: Int)
    /// A sync round failed; `offline` when the service could not be reached (or failed), not when it refused.
    case syncFailed(message: String, offline: Bool, waiting: Int)
}

/// Which records of the history to read; every page comes back newest first.
public enum HistoryRequest: Sendable, Equatable {
    case newest(limit: Int)
    case older(than: String, limit: Int)
    case newer(than: String, limit: Int)
    case oldest(limit: Int)
    /// The records around `id` (the selected one), after changes from elsewhere; the newest if it is gone.
    case around(id: String, limit: Int)
}

/// Records read from the history: `offset` is the first one's index in the whole history (newest is 0).
public struct HistoryPage: Sendable, Equatable {
    public var records: [WeatherRecord]
    public var offset: Int
    public var total: Int
    /// The page starts the loaded window anew; otherwise it joins the window at whichever end it touches.
    public var replacing: Bool
    /// The record to keep selected, when it is in the page (a reload keeps the selection on its record).
    public var selecting: String?
    /// Each record's place offset from UTC when it was observed, by record id, where its zone is known.
    public var placeOffsets: [String: Int]
    /// This machine's offset from UTC when each record was kept, by record id (summer and winter time differ from
    /// today's offset).
    public var localOffsets: [String: Int]

    public init(
        records: [WeatherRecord], offset: Int, total: Int, replacing: Bool, selecting: String? = nil,
        placeOffsets: [String: Int] = [:], localOffsets: [String: Int] = [:]
    ) {
        self.records = records
        self.offset = offset
        self.total = total
        self.replacing = replacing
        self.selecting = selecting
        self.placeOffsets = placeOffsets
        self.localOffsets = localOffsets
    }
}

extension AppEvent {
    /// The newest records (`replacing`), or the page that follows those loaded (tests and previews).
    public static func historyLoaded(_ records: [WeatherRecord], total: Int, replacing: Bool) -> AppEvent {
        .historyLoaded(HistoryPage(records: records, offset: replacing ? 0 : -1, total: total, replacing: replacing))
    }
}

/// Work for the effect runner; its results come back as events.
public enum Effect: Sendable, Equatable {
    case searchPlaces(String, requestID: Int)
    case fetchForecast(Place, requestID: Int)
    case cancelRequest(Int)
    /// Keep the result's current weather; `offline` when the result is the last answer, from the cache.
    case saveRecord(Forecast, units: Units, offline: Bool)
    case deleteRecord(id: String)
    case undoDelete
    case loadHistory(HistoryRequest)
    /// Push local changes and pull the others, in the background.
    case sync
    case quit
}

/// Everything on screen, and nothing else: the pure core of the interactive program.
public struct AppState: Sendable {
    /// A result on screen: a forecast, and where it came from.
    public struct Result: Sendable, Equatable {
        public var forecast: Forecast
        /// Why the network was not used, when this is the cached result.
        public var staleReason: String?
    }

    /// A window of the kept records, newest first, anywhere in the history: `records[0]` is record `offset` of
    /// `total`. The selection and the first row shown are indexes in the whole history, so `End` can select the
    /// oldest of 100,000 records and load only the page around it.
    public struct History: Sendable, Equatable {
        public var records: [WeatherRecord] = []
        public var offset = 0
        public var total = 0
        public var selected = 0
        public var top = 0
        public var loaded = false
        /// A page is being read.
        public var loadingMore = false
        /// Set when the store could not be read at all (the status line says why).
        public var unavailable = false
        /// The place offsets of the records read so far (see `HistoryPage.placeOffsets`).
        public var placeOffsets: [String: Int] = [:]
        /// This machine's offsets when the records read so far were kept (see `HistoryPage.localOffsets`).
        public var localOffsets: [String: Int] = [:]

        /// The index after the last loaded record.
        public var windowEnd: Int { offset + records.count }

        /// The record at `index` of the whole history, when it is loaded.
        public func record(at index: Int) -> WeatherRecord? {
            records.indices.contains(index - offset) ? records[index - offset] : nil
        }

        public var selectedRecord: WeatherRecord? { record(at: selected) }
    }

    /// The line above the footer.
    public enum Status: Sendable, Equatable {
        case idle
        case working(String)
        case info(String)
        case warning(String)
        case error(String)
    }

    /// Background sync with the record service, when it is set up.
    public struct Sync: Sendable, Equatable {
        /// What the status line says about sync.
        public enum Indicator: Sendable, Equatable {
            case syncing
            case synced
            case offline(waiting: Int)
            case failed
        }

        public var indicator = Indicator.syncing
        /// Seconds between background rounds when nothing else asks for one.
        public var interval: TimeInterval
        public var lastAttempt: Date?
        public var running = false
        /// Another round was asked for while one ran.
        public var again = false

        public init(interval: TimeInterval) {
            self.interval = interval
        }
    }

    /// A box drawn over the panes.
    public enum Overlay: Sendable, Equatable {
        case pickList([Place], selected: Int)
        case help
    }

    public var size: Size
    public var focus = Focus.search
    public var query = TextField()
    public var overlay: Overlay?
    public var result: Result?
    /// A kept record shown as it was kept (Enter on a history row), in the result pane; nothing is fetched.
    public var opened: WeatherRecord?
    public var history = History()
    public var status = Status.idle
    /// `nil` when sync is not set up.
    public var sync: Sync?
    public var units: Units
    public var language: Language
    public var ascii: Bool
    public var now: Date
    /// This machine's offset from UTC, for history times.
    public var localOffset: Int
    public var spinner = 0
    public var activeRequest: Int?
    public var lastRequestID = 0
    public var isQuitting = false
    public let keymap = Keymap.standard

    /// How many records one history load asks for.
    public static let pageSize = 100

    public init(size: Size, units: Units, language: Language, ascii: Bool, now: Date, localOffset: Int) {
        self.size = size
        self.units = units
        self.language = language
        self.ascii = ascii
        self.now = now
        self.localOffset = localOffset
    }

    /// What to do before the first frame: read the history (no network call).
    public mutating func start() -> [Effect] {
        [.loadHistory(.newest(limit: Self.pageSize))] + requestSync()
    }

    /// A sync round now, or right after the one running; nothing when sync is not set up.
    public mutating func requestSync() -> [Effect] {
        guard var sync else { return [] }
        defer { self.sync = sync }
        if sync.running {
            sync.again = true
            return []
        }
        sync.running = true
        sync.again = false
        sync.lastAttempt = now
        sync.indicator = .syncing
        return [.sync]
    }

    /// Applies `event` and returns the work it calls for. Pure: no I/O, no clock, no randomness.
    public mutating func handle(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key): return handleKey(key)
        case .resized(let size):
            self.size = size
            scrollHistory()
            return []
        case .tick(let date):
            now = date
            if case .working = status { spinner += 1 }
            if let sync, !sync.running, now.timeIntervalSince(sync.lastAttempt ?? .distantPast) >= sync.interval {
                return requestSync()
            }
            return []
        case .placesFound(let places, let text, let requestID):
            guard requestID == activeRequest else { return [] }
            switch places.count {
            case 0:
                activeRequest = nil
                status = .error("No place called \(TerminalText.quoted(text)). Check the spelling.")
                return []
            case 1:
                status = .working("Fetching the weather for \(places[0].name)…")
                return [.fetchForecast(places[0], requestID: requestID)]
            default:
                activeRequest = nil
                status = .idle
                overlay = .pickList(places, selected: 0)
                return []
            }
        case .forecastLoaded(let forecast, let staleReason, let requestID):
            guard requestID == activeRequest else { return [] }
            activeRequest = nil
            result = Result(forecast: forecast, staleReason: staleReason)
            opened = nil
            focus = .result
            if let staleReason {
                let stale = StaleText(fetchedAt: forecast.fetchedAt, now: now, localOffset: localOffset)
                status = .warning("\(staleReason) Showing \(stale.phrase).")
            } else {
                status = .idle
            }
            return []
        case .requestFailed(let message, let requestID):
            guard requestID == activeRequest else { return [] }
            activeRequest = nil
            status = .error(message)
            return []
        case .historyLoaded(let page):
            return historyLoaded(page)
        case .recordSaved(let record, let total):
            if history.offset == 0 {
                history.records.insert(record, at: 0)
            } else {
                history.offset += 1
            }
            history.total = total
            history.selected = focus == .history ? history.selected + 1 : 0
            scrollHistory()
            status = .info("Recorded \(record.place.name) (\(record.id.prefix(8))).")
            return moreHistoryIfNeeded() + requestSync()
        case .recordAlreadyKept(let id):
            status = .info("Already kept as \(id.prefix(8)): nothing added.")
            return []
        case .recordDeleted(let record, let total):
            if let index = history.records.firstIndex(where: { $0.id == record.id }) {
                history.records.remove(at: index)
            }
            if opened?.id == record.id { opened = nil }
            history.total = total
            history.selected = min(history.selected, max(0, total - 1))
            scrollHistory()
            status = .info("Deleted \(record.place.name) (\(record.id.prefix(8))). Press u to undo.")
            return moreHistoryIfNeeded() + requestSync()
        case .recordRestored(let record, _):
            guard let record else {
                status = .info("Nothing to undo.")
                return []
            }
            status = .info("Restored \(record.place.name) (\(record.id.prefix(8))).")
            return reloadHistory() + requestSync()
        case .storeFailed(let message):
            history.loadingMore = false
            if !history.loaded { history.unavailable = true }
            status = .error(message)
            return []
        case .syncFinished(let changed, let waiting):
            guard var sync else { return [] }
            sync.running = false
            sync.indicator = waiting == 0 ? .synced : .offline(waiting: waiting)
            self.sync = sync
            // Records from other devices appear without a key press, and the selection stays on its record.
            return (changed ? reloadHistory() : []) + (sync.again ? requestSync() : [])
        case .syncFailed(let message, let offline, let waiting):
            guard var sync else { return [] }
            sync.running = false
            sync.again = false
            sync.indicator = offline ? .offline(waiting: waiting) : .failed
            self.sync = sync
            // Offline is normal life and the status line's corner says so; a refusal needs the person.
            if !offline, status == .idle || isInfo(status) { status = .warning(message) }
            return []
        }
    }

    // MARK: - Keys

    private mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .control("c") { return quit() }
        switch overlay {
        case .pickList(let places, let selected): return handlePickList(key, places: places, selected: selected)
        case .help:
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter { overlay = nil }
            return []
        case nil: break
        }
        if focus == .search, let effects = handleTyping(key) { return effects }
        // The record view goes back to the history it was opened from.
        if opened != nil, focus == .result, key == .escape || key == .tab || key == .backTab {
            opened = nil
            focus = .history
            return []
        }
        guard let action = keymap.action(for: key, in: focus) else { return [] }
        return perform(action)
    }

    /// Text editing in the search bar; `nil` when the key is not an editing key.
    private mutating func handleTyping(_ key: Key) -> [Effect]? {
        switch key {
        case .character(let character): query.insert(character)
        case .backspace: query.deleteBackward()
        case .delete: query.deleteForward()
        case .left: query.moveLeft()
        case .right: query.moveRight()
        case .home, .control("a"): query.moveHome()
        case .end, .control("e"): query.moveEnd()
        case .control("u"): query.deleteToStart()
        case .control("w"): query.deleteWordBackward()
        case .control("k"): query.deleteToEnd()
        default: return nil
        }
        return []
    }

    private mutating func handlePickList(_ key: Key, places: [Place], selected: Int) -> [Effect] {
        switch key {
        case .up, .character("k"), .backTab:
            overlay = .pickList(places, selected: max(0, selected - 1))
        case .down, .character("j"), .tab:
            overlay = .pickList(places, selected: min(places.count - 1, selected + 1))
        case .home: overlay = .pickList(places, selected: 0)
        case .end: overlay = .pickList(places, selected: places.count - 1)
        case .enter:
            overlay = nil
            return fetch(places[selected])
        case .escape, .character("q"):
            overlay = nil
        default: break
        }
        return []
    }

    private mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .submitSearch:
            let text = query.text.trimmedForSearch
            guard !text.isEmpty else {
                status = .error("Type a place first, e.g. Paris or Springfield, MO.")
                return []
            }
            var effects = cancelActive()
            lastRequestID += 1
            activeRequest = lastRequestID
            status = .working("Searching \(text)…")
            effects.append(.searchPlaces(text, requestID: lastRequestID))
            return effects
        case .record:
            if opened != nil {
                status = .info("This record is kept already: press f for the weather now.")
                return []
            }
            guard let result else {
                status = .error("Nothing to record yet: search a place first.")
                return []
            }
            guard result.forecast.current != nil else {
                status = .error("This result has no current weather to record.")
                return []
            }
            return [.saveRecord(result.forecast, units: units, offline: result.staleReason != nil)]
        case .deleteSelected:
            guard history.records.indices.contains(history.selected) else { return [] }
            return [.deleteRecord(id: history.records[history.selected].id)]
        case .undo: return [.undoDelete]
        case .toggleUnits:
            units = units == .metric ? .imperial : .metric
            status = .info(
                units == .metric ? "Metric units (°C, km/h, hPa, mm)." : "Imperial units (°F, mph, inHg, in).")
            return []
        case .help:
            overlay = .help
            return []
        case .cancel:
            if activeRequest != nil {
                let effects = cancelActive()
                status = .info("Cancelled.")
                return effects
            }
            if case .error = status { status = .idle }
            return []
        case .quit: return quit()
        case .nextFocus:
            focus = focus.next
            return []
        case .previousFocus:
            focus = focus.previous
            return []
        case .focusSearch:
            focus = .search
            return []
        case .moveUp: return select(history.selected - 1)
        case .moveDown: return select(history.selected + 1)
        case .pageUp: return select(history.selected - max(1, historyRows - 1))
        case .pageDown: return select(history.selected + max(1, historyRows - 1))
        case .first: return select(0)
        case .last: return select(history.total - 1)
        case .open:
            guard let record = history.selectedRecord else { return [] }
            opened = record
            focus = .result
            status = .idle
            return cancelActive()
        case .fetchNow:
            guard let place = opened?.place ?? result?.forecast.place else { return [] }
            return fetch(place)
        }
    }

    private mutating func fetch(_ place: Place) -> [Effect] {
        var effects = cancelActive()
        lastRequestID += 1
        activeRequest = lastRequestID
        status = .working("Fetching the weather for \(place.name)…")
        effects.append(.fetchForecast(place, requestID: lastRequestID))
        return effects
    }

    private mutating func cancelActive() -> [Effect] {
        guard let active = activeRequest else { return [] }
        activeRequest = nil
        return [.cancelRequest(active)]
    }

    private func isInfo(_ status: Status) -> Bool {
        if case .info = status { return true }
        return false
    }

    private mutating func quit() -> [Effect] {
        isQuitting = true
        return cancelActive() + [.quit]
    }

    private mutating func select(_ index: Int) -> [Effect] {
        guard history.total > 0 else { return [] }
        history.selected = max(0, min(index, history.total - 1))
        scrollHistory()
        return moreHistoryIfNeeded()
    }

    /// Merges a page into the loaded window, keeps the selection on its record, and reads on if the selection is
    /// still not loaded.
    private mutating func historyLoaded(_ page: HistoryPage) -> [Effect] {
        let offset = page.offset < 0 ? history.windowEnd : page.offset
        if !page.replacing, !history.records.isEmpty, offset == history.windowEnd {
            let known = Set(history.records.map(\.id))
            history.records += page.records.filter { !known.contains($0.id) }
        } else if !page.replacing, !history.records.isEmpty, offset + page.records.count == history.offset {
            let known = Set(history.records.map(\.id))
            let fresh = page.records.filter { !known.contains($0.id) }
            history.records.insert(contentsOf: fresh, at: 0)
            history.offset -= fresh.count
        } else {
            history.records = page.records
            history.offset = offset
        }
        history.total = max(page.total, history.windowEnd)
        history.placeOffsets.merge(page.placeOffsets) { $1 }
        history.localOffsets.merge(page.localOffsets) { $1 }
        history.loaded = true
        history.unavailable = false
        history.loadingMore = false
        if let id = page.selecting, let index = history.records.firstIndex(where: { $0.id == id }) {
            history.selected = history.offset + index
        }
        history.selected = max(0, min(history.selected, history.total - 1))
        scrollHistory()
        return page.records.isEmpty ? [] : moreHistoryIfNeeded()
    }

    /// Reads the window again around the selected record (changes came from elsewhere, or an undo).
    private mutating func reloadHistory() -> [Effect] {
        history.loadingMore = true
        let limit = max(Self.pageSize, history.records.count)
        guard let selected = history.selectedRecord else { return [.loadHistory(.newest(limit: limit))] }
        return [.loadHistory(.around(id: selected.id, limit: limit))]
    }

    /// Asks for the page the selection needs: the next one near either end of the loaded window, or, after a
    /// jump (Home, End), the page at that end of the whole history.
    private mutating func moreHistoryIfNeeded() -> [Effect] {
        guard history.loaded, !history.loadingMore, history.total > 0 else { return [] }
        let margin = max(10, historyRows)
        let request: HistoryRequest?
        if history.records.isEmpty || history.selected >= history.windowEnd + margin
            || history.selected < history.offset - margin
        {
            request =
                history.selected >= history.total - Self.pageSize
                ? .oldest(limit: Self.pageSize) : .newest(limit: max(Self.pageSize, history.selected + margin))
        } else if history.windowEnd < history.total, history.selected >= history.windowEnd - margin,
            let last = history.records.last
        {
            request = .older(than: last.id, limit: Self.pageSize)
        } else if history.offset > 0, history.selected < history.offset + margin, let first = history.records.first {
            request = .newer(than: first.id, limit: Self.pageSize)
        } else {
            request = nil
        }
        guard let request else { return [] }
        history.loadingMore = true
        return [.loadHistory(request)]
    }

    /// Keeps the selected record within the visible rows.
    mutating func scrollHistory() {
        let rows = max(1, historyRows)
        if history.selected < history.top { history.top = history.selected }
        if history.selected >= history.top + rows { history.top = history.selected - rows + 1 }
        history.top = max(0, min(history.top, max(0, history.total - rows)))
    }

    /// How many records the history pane shows at this size.
    var historyRows: Int { Layout(size: size).historyRows }

    func clock(_ date: Date) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: localOffset)
        return CivilTime.pad(parts.hour, 2) + ":" + CivilTime.pad(parts.minute, 2)
    }
}

extension String {
    fileprivate var trimmedForSearch: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
