public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Which records a trend reads.
public struct TrendRequest: Sendable {
    public enum Anchor: Sendable {
        /// The place a person names ("Paris", "Paris, US"): the newest kept record that fits it.
        case place(PlaceQuery)
        /// A kept record: its place, compared with the record before it.
        case record(id: String)
    }

    public var anchor: Anchor
    /// Only records observed after this (`--days`).
    public var since: Date?
    /// How many slices the chart has at most.
    public var buckets: Int

    public init(anchor: Anchor, since: Date? = nil, buckets: Int = 60) {
        self.anchor = anchor
        self.since = since
        self.buckets = max(1, min(buckets, 1000))
    }
}

extension SQLiteRecordStore {
    /// The trend at the place `request` names, from the live records only; `nil` when no record fits.
    ///
    /// It reads `record_place_observed` (place key, observation time, position, temperature) once over the
    /// place's range, in the index's order, and never the table (`bench/trend.sh` measures 100,000 records).
    public func trend(_ request: TrendRequest) throws(RecordStoreError) -> PlaceTrend? {
        try read { connection in
            guard let (place, until) = try Self.trendAnchor(request.anchor, connection) else { return nil }
            // One pass over the index's range for the name (and the span), oldest first: its own order, no sort,
            // no table. Where each was and whether it has a temperature are checked here, on what the pass read:
            // in SQL the same tests took a third of the time (measured, 100,000 records).
            var range = "deleted_at IS NULL AND place_key = ?"
            var values: [SQLiteValue] = [.text(RecordRow.placeKey(place.name))]
            if let since = request.since {
                range += " AND observed_at >= ?"
                values.append(.integer(RecordRow.millis(since)))
            }
            var readings: [PlaceTrend.Reading] = []
            try connection.scan(
                "SELECT observed_at, temperature, latitude, longitude FROM record INDEXED BY record_place_observed "
                    + "WHERE \(range) ORDER BY observed_at", values
            ) { row in
                guard let temperature = row.double(at: 1), let latitude = row.double(at: 2),
                    let longitude = row.double(at: 3),
                    PlaceTrend.isNear(place, latitude: latitude, longitude: longitude)
                else { return }
                readings.append(
                    PlaceTrend.Reading(observedAt: RecordRow.date(row.integer(at: 0)), temperature: temperature))
            }
            return PlaceTrend.compute(place: place, readings: readings, until: until, buckets: request.buckets)
        }
    }

    /// The place a trend is about, and for a record, the time it stops at.
    private static func trendAnchor(
        _ anchor: TrendRequest.Anchor, _ connection: SQLiteConnection
    ) throws -> (Place, Date?)? {
        switch anchor {
        case .record(let id):
            let record = try resolve(id, in: connection)
            return (record.place, record.observedAt)
        case .place(let query):
            // The newest records under the name that fit the qualifiers ("Paris, US"), and of those the place kept
            // most often.
            let rows = try connection.query(
                "SELECT * FROM record INDEXED BY record_place_observed WHERE deleted_at IS NULL AND place_key = ? "
                    + "ORDER BY observed_at DESC LIMIT 500", [.text(RecordRow.placeKey(query.name))])
            let places = rows.compactMap(RecordRow.record).map(\.place)
            return PlaceTrend.anchor(query.filter(places)).map { ($0, nil) }
        }
    }
}
