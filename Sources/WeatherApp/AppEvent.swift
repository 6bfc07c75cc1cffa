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
    /// What the records at an opened record's place say; `nil` when there is nothing to compare.
    case trendLoaded(PlaceTrend?, recordID: String)
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
    /// The trend at the place of record `recordID`, for the record view.
    case loadTrend(recordID: String)
    /// Push local changes and pull the others, in the background.
    case sync
    case quit
}
