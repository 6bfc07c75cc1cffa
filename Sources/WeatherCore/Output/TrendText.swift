public import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A place's trend in words and blocks: `meteo trend` prints it, the record view shows it under the record.
public struct TrendText: Sendable {
    public let trend: PlaceTrend
    public let units: Units
    public let labels: Labels
    /// The reader's offset from UTC: kept records are dated in the reader's time, as the history is.
    public let localOffset: Int

    public init(_ trend: PlaceTrend, units: Units, language: Language, localOffset: Int) {
        self.trend = trend
        self.units = units
        self.labels = .forLanguage(language)
        self.localOffset = localOffset
    }

    private var measures: Measures { Measures(units: units, language: labels.language) }

    /// "Paris, Île-de-France, FR: 42 records kept, 12 Jan 2026 – 27 Nov 2026".
    public var title: String {
        let place = trend.place.qualifiedName
        guard trend.count > 1 else { return labels.say(.trendOne, ["place": place, "date": date(trend.first)]) }
        return labels.say(
            .trendTitle,
            ["place": place, "count": labels.grouped(trend.count), "from": date(trend.first), "to": date(trend.last)])
    }

    /// "120 records here since 5 Dec 2025": the record view's title, under a record that names the place.
    public var here: String {
        labels.say(.trendHere, ["count": labels.grouped(trend.count), "from": date(trend.first)])
    }

    /// "9.3°C on 27 Nov 2026, 3.2° warmer than your last record here (2 days before)".
    public var latest: String {
        var line = labels.say(
            .trendLatest,
            ["temperature": measures.temperature(trend.latest.temperature), "date": date(trend.latest.observedAt)])
        if let comparison { line += ", " + comparison }
        return line
    }

    /// The newest reading against the one before it; `nil` when there is none.
    public var comparison: String? {
        guard let previous = trend.previous else { return nil }
        let age = labels.duration(seconds: Self.seconds(trend.latest.observedAt.timeIntervalSince(previous.observedAt)))
        // A difference in the reader's unit: °F degrees are 9/5 of °C degrees.
        let delta = (trend.latest.temperature - previous.temperature) * (units == .metric ? 1 : 9.0 / 5.0)
        let shown = labels.number(abs(delta), 1)
        if shown == labels.number(0, 1) { return labels.say(.asWarmAs, ["age": age]) }
        return labels.say(delta > 0 ? .warmerThan : .colderThan, ["delta": shown + "°", "age": age])
    }

    /// "Warmest kept: 24.1°C on 3 Jul 2026 · Coldest kept: -4.1°C on 12 Jan 2026".
    public var extremes: String { extremeParts.joined(separator: " · ") }

    /// The warmest and the coldest kept, each a part a narrow screen puts on a row of its own.
    public var extremeParts: [String] {
        [(Phrase.warmestKept, trend.warmest), (.coldestKept, trend.coldest)].map { phrase, reading in
            labels.say(
                phrase, ["temperature": measures.temperature(reading.temperature), "date": date(reading.observedAt)])
        }
    }

    /// The chart: `rows` of blocks, one column per slice of time (its mean), the highest and lowest mean at the
    /// left as the screen's hourly chart has them, and the first and last dates under it.
    public func chart(width: Int, rows: Int, bars: [Character], ascii: Bool) -> [String] {
        let labelWidth = 6
        let columns = max(1, width - labelWidth)
        let buckets = Array(trend.buckets.suffix(columns))
        guard buckets.count >= 2 else { return [] }
        let means = buckets.map { units.temperature($0.mean) }
        guard let low = means.min(), let high = means.max() else { return [] }
        let degree = units.degree(ascii: ascii)
        let grid = BarChart.levels(means.map(Optional.some), rows: rows, levels: bars.count - 1)
        var lines: [String] = []
        for (row, levels) in grid.enumerated() {
            let label =
                row == 0 ? labels.number(high, 0) + degree : row == rows - 1 ? labels.number(low, 0) + degree : ""
            lines.append(DisplayWidth.pad(label, to: labelWidth) + String(levels.map { bars[$0] }))
        }
        let from = date(buckets[0].start)
        let to = date(trend.last)
        let gap = max(1, buckets.count - DisplayWidth.of(from) - DisplayWidth.of(to))
        lines.append(String(repeating: " ", count: labelWidth) + from + String(repeating: " ", count: gap) + to)
        return lines
    }

    /// The trend as JSON: values in `units`, times in RFC 3339 UTC.
    public var json: JSONValue {
        let reading: (PlaceTrend.Reading) -> JSONValue = { [units] in
            .object([
                "observed_at": .string(CivilTime.rfc3339($0.observedAt)),
                "temperature": .number(NumberText.rounded(units.temperature($0.temperature), 1)),
            ])
        }
        let difference = trend.previous.map {
            JSONValue.number(
                NumberText.rounded((trend.latest.temperature - $0.temperature) * (units == .metric ? 1 : 1.8), 1))
        }
        return .object([
            "place": .object(WeatherReport.placeValue(trend.place)),
            "units": .string(units.rawValue),
            "count": .number(Double(trend.count)),
            "first": .string(CivilTime.rfc3339(trend.first)),
            "last": .string(CivilTime.rfc3339(trend.last)),
            "latest": reading(trend.latest),
            "previous": trend.previous.map(reading) ?? .null,
            "difference": difference ?? .null,
            "warmest": reading(trend.warmest),
            "coldest": reading(trend.coldest),
            "buckets": .array(
                trend.buckets.map {
                    .object([
                        "start": .string(CivilTime.rfc3339($0.start)),
                        "mean": .number(NumberText.rounded(units.temperature($0.mean), 1)),
                        "count": .number(Double($0.count)),
                    ])
                }),
        ])
    }

    private func date(_ date: Date) -> String { labels.date(date, offset: localOffset) }

    private static func seconds(_ interval: Double) -> Int {
        interval.isFinite ? Int(max(0, min(interval, 1e12))) : 0
    }
}
