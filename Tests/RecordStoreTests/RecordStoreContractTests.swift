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
