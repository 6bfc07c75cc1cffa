#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// When an offline result was fetched, said in the reader's own zone: every stale message uses these words.
public struct StaleText: Sendable, Equatable {
    public var fetchedAt: Date
    public var now: Date
    /// The reader's offset from UTC.
    public var localOffset: Int

    public init(fetchedAt: Date, now: Date, localOffset: Int) {
        self.fetchedAt = fetchedAt
        self.now = now
        self.localOffset = localOffset
    }

    /// "13:15" when it was today in the reader's zone, else "26 Nov 13:15", with the year when not this year.
    public func when(_ labels: Labels) -> String {
        let then = CivilTime.components(of: fetchedAt, utcOffsetSeconds: localOffset)
        let today = CivilTime.components(of: now, utcOffsetSeconds: localOffset)
        let clock = CivilTime.clock(fetchedAt, utcOffsetSeconds: localOffset)
        if (then.year, then.month, then.day) == (today.year, today.month, today.day) { return clock }
        let day =
            then.year == today.year
            ? labels.dayMonth(day: then.day, month: then.month)
            : labels.date(fetchedAt, offset: localOffset)
        return day + " " + clock
    }

    /// "3 min", "2 h", "3 days".
    public func age(_ labels: Labels) -> String { labels.duration(seconds: ageSeconds) }

    public var ageSeconds: Int {
        let seconds = now.timeIntervalSince(fetchedAt)
        return seconds.isFinite ? Int(max(0, min(seconds, 1e12))) : 0
    }

    /// What an offline result shows: "the result from 13:15 (5 min ago)", or, when its "now" is what a forecast
    /// said for this hour, "what the forecast from 13:15 (5 min ago) said for this hour".
    public func phrase(_ labels: Labels, forecastHour: Bool = false) -> String {
        labels.say(forecastHour ? .forecastFrom : .resultFrom, ["when": when(labels), "age": age(labels)])
    }
}
