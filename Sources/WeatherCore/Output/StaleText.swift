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
    public var when: String {
        let then = CivilTime.components(of: fetchedAt, utcOffsetSeconds: localOffset)
        let today = CivilTime.components(of: now, utcOffsetSeconds: localOffset)
        let clock = CivilTime.pad(then.hour, 2) + ":" + CivilTime.pad(then.minute, 2)
        if (then.year, then.month, then.day) == (today.year, today.month, today.day) { return clock }
        let day = "\(then.day) \(KeptRecordText.months[then.month - 1])"
        return (then.year == today.year ? day : day + " \(then.year)") + " " + clock
    }

    /// "3 min", "2 h", "3 days".
    public var age: String { DurationText.short(seconds: ageSeconds) }

    public var ageSeconds: Int {
        let seconds = now.timeIntervalSince(fetchedAt)
        return seconds.isFinite ? Int(max(0, min(seconds, 1e12))) : 0
    }

    /// "the result from 13:15 (5 min ago)".
    public var phrase: String { "the result from \(when) (\(age) ago)" }
}
