import TextFormats
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

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
    /// What the records at the opened record's place say, once read.
    public var openedTrend: PlaceTrend?
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

    /// The words of `language`.
    public var labels: Labels { .forLanguage(language) }

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

    /// Applies `event` and returns the work it calls for. Pure: no I/O, no clock, no randomness. Each concern
    /// has its reducer: keys (`AppState+Keys`), search (`+Search`), the history (`+History`), sync (`+Sync`).
    public mutating func handle(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key): return handleKey(key)
        case .resized(let size):
            self.size = size
            scrollHistory()
            return []
        case .tick(let date): return tick(date)
        case .placesFound(let places, let text, let requestID):
            return placesFound(places, query: text, requestID: requestID)
        case .forecastLoaded(let forecast, let staleReason, let requestID):
            return forecastLoaded(forecast, staleReason: staleReason, requestID: requestID)
        case .requestFailed(let message, let requestID): return requestFailed(message, requestID: requestID)
        case .historyLoaded(let page): return historyLoaded(page)
        case .recordSaved(let record, let total): return recordSaved(record, total: total)
        case .recordAlreadyKept(let id):
            status = .info(labels.say(.alreadyKeptAs, ["id": String(id.prefix(8))]))
            return []
        case .recordDeleted(let record, let total): return recordDeleted(record, total: total)
        case .recordRestored(let record, _): return recordRestored(record)
        case .storeFailed(let message):
            history.loadingMore = false
            if !history.loaded { history.unavailable = true }
            status = .error(message)
            return []
        case .syncFinished(let changed, let waiting): return syncFinished(changed: changed, waiting: waiting)
        case .syncFailed(let message, let offline, let waiting):
            return syncFailed(message, offline: offline, waiting: waiting)
        case .trendLoaded(let trend, let id):
            // A trend that arrives after another record was opened is not this one's.
            if opened?.id == id { openedTrend = trend }
            return []
        }
    }

    /// How many records the history pane shows at this size.
    var historyRows: Int { Layout(size: size).historyRows }

    func clock(_ date: Date) -> String {
        CivilTime.clock(date, utcOffsetSeconds: localOffset)
    }
}
