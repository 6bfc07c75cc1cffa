import Foundation
import RecordStore
import Testing
import WeatherCore
import WeatherTestSupport

/// The same behaviour, checked against every `RecordStore`.
@Suite struct RecordStoreContractTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }
    }

    /// A store and whatever keeps its file alive.
    struct Subject {
        let store: any RecordStore
        let folder: TemporaryDirectory?
    }

    static func make(_ kind: Kind) throws -> Subject {
        switch kind {
        case .memory: return Subject(store: InMemoryRecordStore(), folder: nil)
        case .sqlite:
            let folder = try TemporaryDirectory()
            return Subject(store: try SQLiteRecordStore(path: folder.path + "/data/records.sqlite"), folder: folder)
        }
    }

    @Test(arguments: Kind.allCases)
    func addedRecordsComeBackNewestFirstExactly(kind: Kind) throws {
        let subject = try Self.make(kind)
        for index in 1...5 { try subject.store.add(SampleRecord.make(index)) }
        let page = try subject.store.page(HistoryQuery(limit: 3))
        #expect(page.map(\.id) == [SampleRecord.make(5).id, SampleRecord.make(4).id, SampleRecord.make(3).id])
        #expect(page.first == SampleRecord.make(5))
        #expect(try subject.store.count(placePrefix: nil) == 5)
    }

    @Test(arguments: Kind.allCases)
    func keysetPagesVisitEveryRecordOnceEvenWithEqualTimes(kind: Kind) throws {
        let subject = try Self.make(kind)
        for index in 1...57 {
            try subject.store.add(
                SampleRecord.make(index, recordedAt: Date(timeIntervalSince1970: Double(1_795_790_000 + index / 4))))
        }
        var seen: [String] = []
        var before: String?
        while true {
            let page = try subject.store.page(HistoryQuery(limit: 10, beforeID: before))
            guard let last = page.last else { break }
            seen += page.map(\.id)
            before = last.id
        }
        #expect(seen.count == 57)
        #expect(Set(seen).count == 57)
        let times = try seen.map { id in try subject.store.record(idPrefix: id).recordedAt }
        #expect(times == times.sorted(by: >))
    }

    @Test(arguments: Kind.allCases)
    func placeFilterIgnoresCaseAndAccents(kind: Kind) throws {
        let subject = try Self.make(kind)
        try subject.store.add(SampleRecord.make(1, place: SampleRecord.place("Paris")))
        try subject.store.add(SampleRecord.make(2, place: SampleRecord.place("Parma")))
        try subject.store.add(SampleRecord.make(3, place: SampleRecord.place("Évreux")))
        try subject.store.add(SampleRecord.make(4, place: SampleRecord.place("London")))
        #expect(try subject.store.page(HistoryQuery(placePrefix: "PAR")).map(\.place.name) == ["Parma", "Paris"])
        #expect(try subject.store.page(HistoryQuery(placePrefix: "evr")).map(\.place.name) == ["Évreux"])
        #expect(try subject.store.count(placePrefix: "par") == 2)
        #expect(try subject.store.count(placePrefix: "") == 4)
    }

    @Test(arguments: Kind.allCases)
    func deleteByUniquePrefixThenUndo(kind: Kind) throws {
        let subject = try Self.make(kind)
        let first = SampleRecord.make(0x21)
        let second = SampleRecord.make(0x31)
        try subject.store.add(first)
        try subject.store.add(second)
        #expect(throws: RecordStoreError.ambiguous(prefix: "00000001-0000-4000-8000-0000000000", count: 2)) {
            try subject.store.delete(idPrefix: "00000001-0000-4000-8000-0000000000", at: Date())
        }
        let deleted = try subject.store.delete(
            idPrefix: first.id.uppercased(), at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(deleted.id == first.id)
        #expect(deleted.deletedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(try subject.store.page(HistoryQuery()).map(\.id) == [second.id])
        #expect(throws: RecordStoreError.notFound(first.id)) {
            try subject.store.delete(idPrefix: first.id, at: Date())
        }
        #expect(throws: RecordStoreError.notFound("ffff")) { try subject.store.delete(idPrefix: "ffff", at: Date()) }
        #expect(throws: RecordStoreError.notFound("not hex!")) {
            try subject.store.delete(idPrefix: "not hex!", at: Date())
        }

        #expect(try subject.store.undoLastDelete()?.id == first.id)
        #expect(try subject.store.page(HistoryQuery()).map(\.id) == [second.id, first.id])
        #expect(try subject.store.undoLastDelete() == nil)
    }

    @Test(arguments: Kind.allCases)
    func duplicateAndInvalidRecordsAreRefused(kind: Kind) throws {
        let subject = try Self.make(kind)
        try subject.store.add(SampleRecord.make(1))
        #expect(throws: RecordStoreError.duplicateID(SampleRecord.make(1).id)) {
            try subject.store.add(SampleRecord.make(1))
        }
        var bad = SampleRecord.make(2)
        bad.id = "not-a-uuid"
        #expect(throws: RecordStoreError.self) { try subject.store.add(bad) }
        bad = SampleRecord.make(3)
        bad.place.latitude = 91
        #expect(throws: RecordStoreError.invalidRecord("place.latitude must be within -90…90")) {
            try subject.store.add(bad)
        }
        bad = SampleRecord.make(4)
        bad.temperature = .nan
        #expect(throws: RecordStoreError.self) { try subject.store.add(bad) }
        #expect(try subject.store.count(placePrefix: nil) == 1)
    }

    @Test(arguments: Kind.allCases)
    func theSameObservationIsKeptOnce(kind: Kind) throws {
        // Given a kept observation
        let subject = try Self.make(kind)
        let first = SampleRecord.make(1)
        try subject.store.add(first)
        // When the same place, provider and observation time is recorded again under a new id
        var again = SampleRecord.make(2)
        again.observedAt = first.observedAt
        // Then it is refused as already kept, naming the record that holds it
        #expect(throws: RecordStoreError.alreadyKept(id: first.id)) { try subject.store.add(again) }
        // And another provider, another place or another time is a new observation
        var other = again
        other.id = SampleRecord.make(4).id
        other.provider = .openWeatherMap
        try subject.store.add(other)
        var elsewhere = SampleRecord.make(3, place: SampleRecord.place("Paris"))
        elsewhere.observedAt = first.observedAt
        elsewhere.place.latitude = 48.9
        try subject.store.add(elsewhere)
        #expect(try subject.store.count(placePrefix: nil) == 3)
        // And once the first is deleted, the observation may be kept again
        _ = try subject.store.delete(idPrefix: first.id, at: Date(timeIntervalSince1970: 1_795_800_000))
        try subject.store.add(again)
        #expect(try subject.store.count(placePrefix: nil) == 3)
    }

    @Test(arguments: Kind.allCases)
    func importSkipsKnownIdsAndKeepsTombstones(kind: Kind) throws {
        let subject = try Self.make(kind)
        try subject.store.add(SampleRecord.make(1))
        var tombstone = SampleRecord.make(2)
        tombstone.deletedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let result = try subject.store.importRecords([SampleRecord.make(1), tombstone, SampleRecord.make(3)])
        #expect(result.added == 2)
        #expect(result.skipped == 1)
        let all = try subject.store.allRecords()
        #expect(all.map(\.id) == [SampleRecord.make(1).id, tombstone.id, SampleRecord.make(3).id])
        #expect(all[1].deletedAt == tombstone.deletedAt)
        #expect(try subject.store.count(placePrefix: nil) == 2)
    }

    @Test(arguments: Kind.allCases)
    func pagingFromAnUnknownRecordIsAnError(kind: Kind) throws {
        let subject = try Self.make(kind)
        #expect(throws: RecordStoreError.notFound("00000000-0000-4000-8000-000000000999")) {
            try subject.store.page(HistoryQuery(beforeID: "00000000-0000-4000-8000-000000000999"))
        }
    }
}

/// What the records at a place say: the same answer from SQLite's indexed queries and from the memory store.
@Suite struct TrendContractTests {
    static let texas = Place(name: "Paris", admin1: "Texas", countryCode: "US", latitude: 33.6609, longitude: -95.5555)

    /// 200 Paris records a day apart, a warming year, every tenth one in Texas, two with no temperature, two
    /// deleted, and one with the same warmest temperature earlier than the other.
    static func records() -> [WeatherRecord] {
        (1...200).map { index in
            let place = index % 10 == 0 ? texas : SampleRecord.paris
            let temperature: Double? = [17, 33].contains(index) ? nil : Double(index % 37) - 5 + Double(index) / 100
            var record = SampleRecord.make(
                index, place: place, observedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(index) * 86_400),
                temperature: temperature)
            record.temperature = temperature
            return record
        }
    }

    @Test func sqliteAndMemoryAgree() throws {
        let memory = InMemoryRecordStore()
        let folder = try TemporaryDirectory()
        let sqlite = try SQLiteRecordStore(path: folder.path + "/records.sqlite")
        for store in [memory, sqlite] as [any RecordStore] {
            _ = try store.importRecords(Self.records())
            _ = try store.delete(idPrefix: SampleRecord.id(199), at: Date())
            _ = try store.delete(idPrefix: SampleRecord.id(51), at: Date())
        }
        let requests = [
            TrendRequest(anchor: .place(try #require(PlaceQuery("Paris")))),
            TrendRequest(anchor: .place(try #require(PlaceQuery("paris, us"))), buckets: 7),
            TrendRequest(
                anchor: .place(try #require(PlaceQuery("Paris, FR"))),
                since: Date(timeIntervalSince1970: 1_780_000_000 + 150 * 86_400)),
            TrendRequest(anchor: .record(id: SampleRecord.id(100))),
            TrendRequest(anchor: .record(id: SampleRecord.id(101)), buckets: 1),
        ]
        for request in requests {
            let fromSQLite = try sqlite.trend(request)
            #expect(fromSQLite != nil)
            let fromMemory = try memory.trend(request)
            #expect(fromSQLite?.place == fromMemory?.place, "\(request.anchor)")
            #expect(fromSQLite?.latest == fromMemory?.latest, "\(request.anchor)")
            #expect(fromSQLite?.previous == fromMemory?.previous, "\(request.anchor)")
            #expect(fromSQLite?.warmest == fromMemory?.warmest, "\(request.anchor)")
            #expect(fromSQLite?.coldest == fromMemory?.coldest, "\(request.anchor)")
            #expect(fromSQLite?.count == fromMemory?.count, "\(request.anchor)")
            #expect(fromSQLite?.buckets.map(\.start) == fromMemory?.buckets.map(\.start), "\(request.anchor)")
            #expect(fromSQLite?.buckets.map(\.count) == fromMemory?.buckets.map(\.count), "\(request.anchor)")
            // Means summed in another order differ in the last bits at most
            for (a, b) in zip(fromSQLite?.buckets ?? [], fromMemory?.buckets ?? []) {
                #expect(abs(a.mean - b.mean) < 1e-9, "\(request.anchor)")
            }
        }
        // Paris, France: the newest live record is the 198th (199 and 200 are deleted and in Texas)
        let parisQuery = try #require(PlaceQuery("Paris"))
        let paris = try #require(try sqlite.trend(TrendRequest(anchor: .place(parisQuery))))
        #expect(paris.place == SampleRecord.paris)
        #expect(paris.count == 180 - 2 - 2)
        #expect(paris.latest.observedAt == Date(timeIntervalSince1970: 1_780_000_000 + 198 * 86_400))
        #expect(paris.previous?.observedAt == Date(timeIntervalSince1970: 1_780_000_000 + 197 * 86_400))
        #expect(paris.buckets.reduce(0) { $0 + $1.count } == paris.count)
        #expect(paris.buckets.count <= 60)
        // A record asked about is compared with the one before it, not with the newest
        let record = try #require(try sqlite.trend(TrendRequest(anchor: .record(id: SampleRecord.id(101)))))
        #expect(record.latest.observedAt == Date(timeIntervalSince1970: 1_780_000_000 + 101 * 86_400))
        #expect(record.previous?.observedAt == Date(timeIntervalSince1970: 1_780_000_000 + 99 * 86_400))
        // Texas is its own place
        let texasQuery = try #require(PlaceQuery("Paris, Texas"))
        let texas = try #require(try sqlite.trend(TrendRequest(anchor: .place(texasQuery))))
        #expect(texas.count == 20)
        let nowhere = try #require(PlaceQuery("Atlantis"))
        #expect(try sqlite.trend(TrendRequest(anchor: .place(nowhere))) == nil)
    }

    @Test func theTrendQueriesReadTheIndexNotTheTable() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/records.sqlite"
        let store = try SQLiteRecordStore(path: path)
        _ = try store.importRecords(Self.records())
        // The plans SQLite chooses for the trend's range: a covering index, never a scan of the table.
        // The trend's one pass, as the store writes it: a covering index in its own order, no table, no sort.
        let select =
            "SELECT observed_at, temperature, latitude, longitude FROM record INDEXED BY record_place_observed "
            + "WHERE deleted_at IS NULL AND place_key = 'paris' AND observed_at >= 0 ORDER BY observed_at"
        let plan = try ChildProcess(path: "/usr/bin/sqlite3").run(
            [path, "EXPLAIN QUERY PLAN " + select], environment: [:]
        )
        .stdout
        #expect(plan.contains("USING COVERING INDEX record_place_observed"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE") && !plan.contains("SCAN record"), "\(plan)")
    }
}
