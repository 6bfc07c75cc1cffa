import Synchronization
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A `RecordStore` in memory, with the same behaviour as the SQLite one: for tests and previews.
public final class InMemoryRecordStore: RecordStore {
    private let records = Mutex<[String: WeatherRecord]>([:])

    public init(_ initial: [WeatherRecord] = []) {
        records.withLock { stored in
            for record in initial { stored[record.id] = record }
        }
    }

    public func add(_ record: WeatherRecord) throws(RecordStoreError) {
        try RecordRow.validate(record)
        try records.withLock { stored throws(RecordStoreError) in
            guard stored[record.id] == nil else { throw .duplicateID(record.id) }
            if let kept = stored.values.first(where: { $0.deletedAt == nil && RecordRow.isSameObservation($0, record) })
            {
                throw .alreadyKept(id: kept.id)
            }
            stored[record.id] = record
        }
    }

    public func importRecords(from next: () throws(RecordStoreError) -> WeatherRecord?) throws(RecordStoreError)
        -> (added: Int, skipped: Int)
    {
        var records: [WeatherRecord] = []
        while let record = try next() { records.append(record) }
        return try importRecords(records)
    }

    public func importRecords(from reader: inout RecordReader) throws(RecordStoreError) -> (added: Int, skipped: Int) {
        try importRecords { () throws(RecordStoreError) -> WeatherRecord? in try reader.next() }
    }

    public func trend(_ request: TrendRequest) throws(RecordStoreError) -> PlaceTrend? {
        let live = records.withLock { Array($0.values) }.filter { $0.deletedAt == nil }
        let place: Place
        var until: Date?
        switch request.anchor {
        case .record(let id):
            let record = try record(idPrefix: id)
            place = record.place
            until = record.observedAt
        case .place(let query):
            let key = RecordRow.placeKey(query.name)
            let named = live.filter { RecordRow.placeKey($0.place.name) == key }.sorted {
                $0.observedAt > $1.observedAt
            }
            guard let found = PlaceTrend.anchor(query.filter(named.prefix(500).map(\.place))) else { return nil }
            place = found
        }
        let key = RecordRow.placeKey(place.name)
        let readings = live.compactMap { record -> PlaceTrend.Reading? in
            guard RecordRow.placeKey(record.place.name) == key,
                PlaceTrend.isNear(place, record.place),
                request.since.map({ record.observedAt >= $0 }) ?? true, let temperature = record.temperature
            else { return nil }
            return PlaceTrend.Reading(observedAt: record.observedAt, temperature: temperature)
        }
        return PlaceTrend.compute(
            place: place, readings: readings.sorted { $0.observedAt < $1.observedAt }, until: until,
            buckets: request.buckets)
    }

    public func forEachRecord(_ body: (WeatherRecord) -> Void) throws(RecordStoreError) {
        for record in try allRecords() { body(record) }
    }

    public func page(_ query: HistoryQuery) throws(RecordStoreError) -> [WeatherRecord] {
        let live = sortedLive(prefix: query.placePrefix)
        let limit = max(1, min(query.limit, 10_000))
        if let before = query.beforeID {
            guard let anchor = records.withLock({ $0[before] }) else { throw .notFound(before) }
            let start = live.firstIndex { Self.isOlder($0, than: anchor) } ?? live.endIndex
            return Array(live[start...].prefix(limit))
        }
        if let after = query.afterID {
            guard let anchor = records.withLock({ $0[after] }) else { throw .notFound(after) }
            let end = live.firstIndex { !Self.isOlder(anchor, than: $0) } ?? live.endIndex
            return Array(live[..<end].suffix(limit))
        }
        return Array(query.fromOldest ? live.suffix(limit) : live.prefix(limit))
    }

    public func position(of id: String) throws(RecordStoreError) -> Int {
        let live = sortedLive(prefix: nil)
        guard let index = live.firstIndex(where: { $0.id == id }) else { throw .notFound(id) }
        return index
    }

    public func count(placePrefix: String?) throws(RecordStoreError) -> Int {
        sortedLive(prefix: placePrefix).count
    }

    public func record(idPrefix: String) throws(RecordStoreError) -> WeatherRecord {
        let wanted = idPrefix.lowercased()
        let matches = records.withLock { stored in
            stored.values.filter { $0.deletedAt == nil && !wanted.isEmpty && $0.id.hasPrefix(wanted) }
        }
        switch matches.count {
        case 0: throw .notFound(idPrefix)
        case 1: return matches[0]
        default: throw .ambiguous(prefix: idPrefix, count: matches.count)
        }
    }

    public func delete(idPrefix: String, at date: Date) throws(RecordStoreError) -> WeatherRecord {
        var record = try record(idPrefix: idPrefix)
        record.deletedAt = date
        let deleted = record
        records.withLock { $0[deleted.id] = deleted }
        return deleted
    }

    public func undoLastDelete() throws(RecordStoreError) -> WeatherRecord? {
        records.withLock { stored in
            let deleted = stored.values.filter { $0.deletedAt != nil }
            guard
                var last = deleted.max(by: {
                    ($0.deletedAt ?? .distantPast, $0.id) < ($1.deletedAt ?? .distantPast, $1.id)
                })
            else { return nil }
            last.deletedAt = nil
            stored[last.id] = last
            return last
        }
    }

    public func allRecords() throws(RecordStoreError) -> [WeatherRecord] {
        records.withLock { Array($0.values) }.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
    }

    public func importRecords(_ incoming: [WeatherRecord]) throws(RecordStoreError) -> (added: Int, skipped: Int) {
        for record in incoming { try RecordRow.validate(record) }
        return records.withLock { stored in
            var added = 0
            for record in incoming where stored[record.id] == nil {
                stored[record.id] = record
                added += 1
            }
            return (added, incoming.count - added)
        }
    }

    private func sortedLive(prefix: String?) -> [WeatherRecord] {
        let key = prefix.map(Place.searchKey) ?? ""
        return records.withLock { stored in
            stored.values.filter {
                $0.deletedAt == nil && (key.isEmpty || Place.searchKey($0.place.name).hasPrefix(key))
            }
        }.sorted { Self.isOlder($1, than: $0) }
    }

    /// History order: by recorded time, then by id.
    private static func isOlder(_ record: WeatherRecord, than other: WeatherRecord) -> Bool {
        (RecordRow.millis(record.recordedAt), record.id) < (RecordRow.millis(other.recordedAt), other.id)
    }
}
