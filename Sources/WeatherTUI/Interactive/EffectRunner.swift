import Dispatch
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

/// Carries out effects off the screen's thread and sends their results back as events.
///
/// Network work runs as detached tasks (cancellable by request id). Store work runs one piece at a time, in the
/// order the keys were pressed, on a serial queue of its own: `r` then `d` reach SQLite as `r` then `d`, and
/// neither ever blocks typing.
final class EffectRunner: Sendable {
    private let provider: any WeatherProvider
    private let lookup: WeatherLookup
    private let store: (any RecordStore)?
    private let syncer: RecordSyncer?
    private let send: @Sendable (AppEvent) -> Void
    private let tasks = Mutex<[Int: Task<Void, Never>]>([:])
    private let syncTask = Mutex<Task<Void, Never>?>(nil)
    private let storeQueue = DispatchQueue(label: "meteo.store")

    init(
        provider: any WeatherProvider, cache: ForecastCache?, store: (any RecordStore)?, syncer: RecordSyncer? = nil,
        send: @escaping @Sendable (AppEvent) -> Void
    ) {
        self.provider = provider
        self.lookup = WeatherLookup(provider: provider, cache: cache)
        self.store = store
        self.syncer = syncer
        self.send = send
    }

    func run(_ effect: Effect) {
        switch effect {
        case .searchPlaces(let text, let requestID): search(text, requestID: requestID)
        case .fetchForecast(let place, let requestID): fetch(place, requestID: requestID)
        case .cancelRequest(let requestID):
            tasks.withLock { $0.removeValue(forKey: requestID) }?.cancel()
        case .saveRecord(let forecast, let units, let offline):
            withStore { store in
                guard
                    let record = WeatherRecord(
                        forecast: forecast, id: UUID().uuidString.lowercased(), recordedAt: Date(), units: units,
                        offline: offline)
                else { return nil }
                do {
                    try store.add(record)
                } catch RecordStoreError.alreadyKept(let id) {
                    return .recordAlreadyKept(id: id)
                }
                return .recordSaved(record, total: try store.count(placePrefix: nil))
            }
        case .deleteRecord(let id):
            withStore { store in
                let record = try store.delete(idPrefix: id, at: Date())
                return .recordDeleted(record, total: try store.count(placePrefix: nil))
            }
        case .undoDelete:
            withStore { store in
                let record = try store.undoLastDelete()
                return .recordRestored(record, total: try store.count(placePrefix: nil))
            }
        case .loadHistory(let request):
            withStore { store in try Self.historyEvent(store, request) }
        case .loadTrend(let id):
            withStore { store in .trendLoaded(try store.trend(TrendRequest(anchor: .record(id: id))), recordID: id) }
        case .sync: sync()
        case .quit:
            let running = tasks.withLock { tasks in
                defer { tasks.removeAll() }
                return Array(tasks.values)
            }
            for task in running { task.cancel() }
            syncTask.withLock { $0 }?.cancel()
        }
    }

    private func search(_ text: String, requestID: Int) {
        start(requestID) { [provider, send] in
            guard let query = PlaceQuery(text) else { return }
            do throws(WeatherError) {
                let places = try await provider.search(query, limit: 10)
                send(.placesFound(places, query: text, requestID: requestID))
            } catch {
                ErrorLog.note(error)
                send(.requestFailed(message: error.message(Console.labels), requestID: requestID))
            }
        }
    }

    private func fetch(_ place: Place, requestID: Int) {
        start(requestID) { [lookup, send] in
            do throws(WeatherError) {
                let result = try await lookup.forecast(for: .place(place))
                await result.cacheWrite?.value
                send(
                    .forecastLoaded(
                        result.forecast, staleReason: result.staleBecause?.message(Console.labels), requestID: requestID
                    ))
            } catch {
                ErrorLog.note(error)
                let now = Date()
                send(
                    .requestFailed(
                        message: error.message(Console.labels, now: now, localOffset: LocalClock.offset(at: now)),
                        requestID: requestID))
            }
        }
    }

    /// One sync round in the background (the core runs one at a time); the task never touches the screen, only
    /// sends an event.
    private func sync() {
        guard let syncer else { return }
        let task = Task.detached { [send] in
            let event: AppEvent
            do throws(SyncError) {
                let summary = try await syncer.run()
                let waiting = (try? syncer.store.pendingCount()) ?? 0
                event = .syncFinished(changed: summary.applied.added + summary.applied.deleted > 0, waiting: waiting)
            } catch {
                ErrorLog.note(error)
                let offline: Bool
                switch error {
                case .unreachable, .serverFailed: offline = true
                default: offline = false
                }
                event = .syncFailed(
                    message: error.message(Console.labels), offline: offline,
                    waiting: (try? syncer.store.pendingCount()) ?? 0)
            }
            send(event)
        }
        syncTask.withLock { $0 = task }
    }

    /// The first page of history, read before the first frame is drawn.
    func loadHistoryNow(limit: Int) -> AppEvent {
        guard let store else { return .historyLoaded([], total: 0, replacing: true) }
        do {
            return try Self.historyEvent(store, .newest(limit: limit))
        } catch {
            ErrorLog.note(error)
            return .storeFailed(message: error.message(Console.labels))
        }
    }

    /// Reads what `request` asks for by keyset, from either end, and says where the page lies in the whole.
    static func historyEvent(_ store: any RecordStore, _ request: HistoryRequest) throws(RecordStoreError)
        -> AppEvent
    {
        let total = try store.count(placePrefix: nil)
        var page: HistoryPage
        switch request {
        case .newest(let limit):
            page = HistoryPage(
                records: try store.page(HistoryQuery(limit: limit)), offset: 0, total: total, replacing: true)
        case .oldest(let limit):
            let records = try store.page(HistoryQuery(limit: limit, fromOldest: true))
            page = HistoryPage(records: records, offset: total - records.count, total: total, replacing: true)
        case .older(let id, let limit):
            do {
                let offset = try store.position(of: id) + 1
                let records = try store.page(HistoryQuery(limit: limit, beforeID: id))
                page = HistoryPage(records: records, offset: offset, total: total, replacing: false)
            } catch .notFound {
                // The anchor went (deleted elsewhere): start again from the newest.
                return try historyEvent(store, .newest(limit: limit))
            }
        case .newer(let id, let limit):
            do {
                let position = try store.position(of: id)
                let records = try store.page(HistoryQuery(limit: limit, afterID: id))
                page = HistoryPage(records: records, offset: position - records.count, total: total, replacing: false)
            } catch .notFound {
                return try historyEvent(store, .newest(limit: limit))
            }
        case .around(let id, let limit):
            do {
                let position = try store.position(of: id)
                let newer = try store.page(HistoryQuery(limit: limit / 2, afterID: id))
                let selected = try store.record(idPrefix: id)
                let older = try store.page(HistoryQuery(limit: limit - limit / 2, beforeID: id))
                page = HistoryPage(
                    records: newer + [selected] + older, offset: position - newer.count, total: total,
                    replacing: true, selecting: id)
            } catch .notFound {
                return try historyEvent(store, .newest(limit: limit))
            }
        }
        for record in page.records {
            if let zone = record.place.timezone, let offset = ZoneInfo.offset(zone: zone, at: record.observedAt) {
                page.placeOffsets[record.id] = offset
            }
            page.localOffsets[record.id] = LocalClock.offset(at: record.recordedAt)
        }
        return .historyLoaded(page)
    }

    private func start(_ requestID: Int, _ work: @escaping @Sendable () async -> Void) {
        let task = Task.detached { [weak self] in
            await work()
            _ = self?.tasks.withLock { $0.removeValue(forKey: requestID) }
        }
        tasks.withLock { $0[requestID] = task }
    }

    private func withStore(_ work: @escaping @Sendable (any RecordStore) throws -> AppEvent?) {
        guard let store else {
            send(.storeFailed(message: Console.labels.say(.storeUnavailable)))
            return
        }
        storeQueue.async { [send] in
            do {
                if let event = try work(store) { send(event) }
            } catch {
                ErrorLog.note(error)
                send(
                    .storeFailed(
                        message: (error as? any UserFacingError)?.message(Console.labels)
                            ?? Console.labels.say(.storeFailed)))
            }
        }
    }
}
