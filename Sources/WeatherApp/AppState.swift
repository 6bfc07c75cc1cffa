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
    /// A page of history; `replacing` starts the list anew, otherwise the page follows what is loaded.
    case historyLoaded([WeatherRecord], total: Int, replacing: Bool)
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

/// Work for the effect runner; its results come back as events.
public enum Effect: Sendable, Equatable {
    case searchPlaces(String, requestID: Int)
    case fetchForecast(Place, requestID: Int)
    case cancelRequest(Int)
    case saveRecord(Forecast, units: Units)
    case deleteRecord(id: String)
    case undoDelete
    case loadHistory(before: String?, limit: Int)
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
        /// The record being shown while fresh weather for its place is fetched.
        public var record: WeatherRecord?
    }

    /// The kept records loaded so far, newest first, and the selection.
    public struct History: Sendable, Equatable {
        public var records: [WeatherRecord] = []
        public var total = 0
        public var selected = 0
        public var top = 0
        public var loaded = false
        public var loadingMore = false
        /// Set when the store could not be read at all (the status line says why).
        public var unavailable = false

        var exhausted: Bool { records.count >= total }
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
        [.loadHistory(before: nil, limit: Self.pageSize)] + requestSync()
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
            result = Result(forecast: forecast, staleReason: staleReason, record: nil)
            focus = .result
            if let staleReason {
                status = .warning("\(staleReason) Showing the result from \(clock(forecast.fetchedAt)).")
            } else {
                status = .idle
            }
            return []
        case .requestFailed(let message, let requestID):
            guard requestID == activeRequest else { return [] }
            activeRequest = nil
            status = .error(message)
            return []
        case .historyLoaded(let records, let total, let replacing):
            if replacing {
                history.records = records
            } else {
                let known = Set(history.records.map(\.id))
                history.records += records.filter { !known.contains($0.id) }
            }
            history.total = max(total, history.records.count)
            history.loaded = true
            history.unavailable = false
            history.loadingMore = false
            history.selected = min(history.selected, max(0, history.records.count - 1))
            scrollHistory()
            return []
        case .recordSaved(let record, let total):
            history.records.insert(record, at: 0)
            history.total = total
            history.selected = focus == .history ? history.selected + 1 : 0
            scrollHistory()
            status = .info("Recorded \(record.place.name) (\(record.id.prefix(8))).")
            return requestSync()
        case .recordAlreadyKept(let id):
            status = .info("Already kept as \(id.prefix(8)): nothing added.")
            return []
        case .recordDeleted(let record, let total):
            if let index = history.records.firstIndex(where: { $0.id == record.id }) {
                history.records.remove(at: index)
            }
            history.total = total
            history.selected = min(history.selected, max(0, history.records.count - 1))
            scrollHistory()
            status = .info("Deleted \(record.place.name) (\(record.id.prefix(8))). Press u to undo.")
            return moreHistoryIfNeeded() + requestSync()
        case .recordRestored(let record, _):
            guard let record else {
                status = .info("Nothing to undo.")
                return []
            }
            status = .info("Restored \(record.place.name) (\(record.id.prefix(8))).")
            return [.loadHistory(before: nil, limit: max(Self.pageSize, history.records.count + 1))] + requestSync()
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
            // Records from other devices appear without a key press.
            let reload: [Effect] =
                changed ? [.loadHistory(before: nil, limit: max(Self.pageSize, history.records.count))] : []
            return reload + (sync.again ? requestSync() : [])
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
            guard let result else {
                status = .error("Nothing to record yet: search a place first.")
                return []
            }
            guard result.forecast.current != nil else {
                status = .error("This result has no current weather to record.")
                return []
            }
            return [.saveRecord(result.forecast, units: units)]
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
            guard history.records.indices.contains(history.selected) else { return [] }
            let record = history.records[history.selected]
            result = Result(forecast: Self.forecast(of: record), staleReason: nil, record: record)
            return fetch(record.place)
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
        guard !history.records.isEmpty else { return [] }
        history.selected = max(0, min(index, history.records.count - 1))
        scrollHistory()
        return moreHistoryIfNeeded()
    }

    /// Asks for the next page when the selection comes near the end of what is loaded.
    private mutating func moreHistoryIfNeeded() -> [Effect] {
        guard history.loaded, !history.loadingMore, !history.exhausted,
            history.selected >= history.records.count - max(10, historyRows), let last = history.records.last
        else { return [] }
        history.loadingMore = true
        return [.loadHistory(before: last.id, limit: Self.pageSize)]
    }

    /// Keeps the selected record within the visible rows.
    mutating func scrollHistory() {
        let rows = max(1, historyRows)
        if history.selected < history.top { history.top = history.selected }
        if history.selected >= history.top + rows { history.top = history.selected - rows + 1 }
        history.top = max(0, min(history.top, max(0, history.records.count - rows)))
    }

    /// How many records the history pane shows at this size.
    var historyRows: Int { Layout(size: size).historyRows }

    func clock(_ date: Date) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: localOffset)
        return CivilTime.pad(parts.hour, 2) + ":" + CivilTime.pad(parts.minute, 2)
    }

    /// A record shown as a result: its current conditions only.
    static func forecast(of record: WeatherRecord) -> Forecast {
        Forecast(
            place: record.place, provider: record.provider, utcOffsetSeconds: 0,
            current: Conditions(
                time: record.observedAt, temperature: record.temperature,
                apparentTemperature: record.apparentTemperature, weatherCode: record.weatherCode,
                humidity: record.humidity, windSpeed: record.windSpeed, windDirection: record.windDirection,
                pressure: record.pressure, precipitation: record.precipitation),
            fetchedAt: record.recordedAt)
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
