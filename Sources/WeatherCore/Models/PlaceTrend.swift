#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What the records kept at one place say over time: a chart's worth of averages, and the comparisons a
/// person asks for (the newest against the one before it, the warmest and the coldest kept).
public struct PlaceTrend: Sendable, Equatable {
    /// One kept temperature (°C) and when it was observed.
    public struct Reading: Sendable, Equatable {
        public var observedAt: Date
        public var temperature: Double

        public init(observedAt: Date, temperature: Double) {
            self.observedAt = observedAt
            self.temperature = temperature
        }
    }

    /// The readings of one slice of the span, for the chart.
    public struct Bucket: Sendable, Equatable {
        public var start: Date
        public var mean: Double
        public var count: Int

        public init(start: Date, mean: Double, count: Int) {
            self.start = start
            self.mean = mean
            self.count = count
        }
    }

    /// Where: the place of the newest record that fits the request.
    public var place: Place
    /// Records with a temperature in the span.
    public var count: Int
    public var first: Date
    public var last: Date
    public var buckets: [Bucket]
    /// The newest reading (or the record asked about) and the reading before it.
    public var latest: Reading
    public var previous: Reading?
    public var warmest: Reading
    public var coldest: Reading

    public init(
        place: Place, count: Int, first: Date, last: Date, buckets: [Bucket], latest: Reading, previous: Reading?,
        warmest: Reading, coldest: Reading
    ) {
        self.place = place
        self.count = count
        self.first = first
        self.last = last
        self.buckets = buckets
        self.latest = latest
        self.previous = previous
        self.warmest = warmest
        self.coldest = coldest
    }
}

extension PlaceTrend {
    /// The trend of `readings` (oldest first) at `place`, in one pass: the newest reading up to `until`, the one
    /// before it, the extremes (the newest of equals), and `buckets` slices of equal length in whole
    /// milliseconds, each the mean of its readings. Both stores compute it here. `nil` without readings.
    public static func compute(place: Place, readings: [Reading], until: Date?, buckets: Int) -> PlaceTrend? {
        guard let firstReading = readings.first, let lastReading = readings.last else { return nil }
        func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        let upTo = until ?? lastReading.observedAt
        guard let latestIndex = readings.lastIndex(where: { $0.observedAt <= upTo }) else { return nil }
        let latest = readings[latestIndex]
        let previous = readings[..<latestIndex].last { $0.observedAt < latest.observedAt }
        let first = millis(firstReading.observedAt)
        let width = max(1, (millis(lastReading.observedAt) - first) / Int64(max(1, buckets)) + 1)
        var warmest = firstReading
        var coldest = firstReading
        var slices: [Bucket] = []
        var slice: Int64 = -1
        var sum = 0.0
        func close() {
            guard let last = slices.indices.last else { return }
            slices[last].mean = sum / Double(slices[last].count)
        }
        for reading in readings {
            if reading.temperature >= warmest.temperature { warmest = reading }
            if reading.temperature <= coldest.temperature { coldest = reading }
            let index = (millis(reading.observedAt) - first) / width
            if index != slice {
                close()
                slice = index
                sum = 0
                slices.append(
                    Bucket(start: Date(timeIntervalSince1970: Double(first + index * width) / 1000), mean: 0, count: 0))
            }
            sum += reading.temperature
            slices[slices.count - 1].count += 1
        }
        close()
        return PlaceTrend(
            place: place, count: readings.count, first: firstReading.observedAt, last: lastReading.observedAt,
            buckets: slices, latest: latest, previous: previous, warmest: warmest, coldest: coldest)
    }
}

extension PlaceTrend {
    /// Records within this many degrees of a place count as that place (same name, about 25 km).
    public static let radius = 0.25

    /// The place a name means among the records kept under it (newest first): the one kept most often, the
    /// newest of them when two are kept as often. "Paris" is your Paris, not the last one you looked up.
    public static func anchor(_ newestFirst: [Place]) -> Place? {
        var groups: [(place: Place, count: Int)] = []
        for place in newestFirst {
            if let index = groups.firstIndex(where: { isNear($0.place, place) }) {
                groups[index].count += 1
            } else {
                groups.append((place, 1))
            }
        }
        // `max` keeps the first of equals: the newest group.
        return groups.max { $0.count < $1.count }.map(\.place)
    }

    /// Whether `place` counts as `anchor` in a trend.
    public static func isNear(_ anchor: Place, _ place: Place) -> Bool {
        isNear(anchor, latitude: place.latitude, longitude: place.longitude)
    }

    /// Whether a record at `latitude`, `longitude` counts as `anchor`.
    public static func isNear(_ anchor: Place, latitude: Double, longitude: Double) -> Bool {
        abs(anchor.latitude - latitude) <= radius && abs(anchor.longitude - longitude) <= radius
    }
}
