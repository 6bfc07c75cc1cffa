import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A calendar day with no time zone (a forecast day in the place's own calendar); coded as "2026-11-27".
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD"; `nil` for anything else, including impossible dates.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day that contains `date` at the given offset from UTC.
    public init(_ date: Date, utcOffsetSeconds: Int) {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    public var description: String {
        "\(CivilTime.pad(year, 4))-\(CivilTime.pad(month, 2))-\(CivilTime.pad(day, 2))"
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { CivilCalendar.days(year: year, month: month, day: day) }

    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Proleptic Gregorian arithmetic without Calendar (and so without ICU), after Howard Hinnant's algorithms.
public enum CivilTime {
    /// "14:15": the wall clock of `date` at `utcOffsetSeconds`, as every time meteo shows is written.
    public static func clock(_ date: Date, utcOffsetSeconds: Int) -> String {
        let parts = components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        return pad(parts.hour, 2) + ":" + pad(parts.minute, 2)
    }

    /// Local wall-clock parts of an instant at a fixed offset from UTC.
    public struct Components: Sendable, Hashable {
        public var year, month, day, hour, minute, second: Int
    }

    /// Clamped to years 1…9999 and offsets within a day, so no instant can trap a conversion.
    public static func components(of date: Date, utcOffsetSeconds: Int) -> Components {
        let raw = date.timeIntervalSince1970
        let offset = Double(max(-86_399, min(86_399, utcOffsetSeconds)))
        let local = raw.isFinite ? min(max(raw + offset, -62_135_596_800), 253_402_300_799) : 0
        let (days, secondOfDay) = CivilCalendar.split(seconds: Int64(local.rounded(.down)))
        let civil = CivilCalendar.date(days: days)
        return Components(
            year: civil.year, month: civil.month, day: civil.day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// Parses a local "YYYY-MM-DDTHH:MM[:SS]" (as Open-Meteo sends with `timezone=auto`) at `utcOffsetSeconds`.
    public static func parseLocal(_ text: some StringProtocol, utcOffsetSeconds: Int) -> Date? {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let date = LocalDate(iso: halves[0]) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard let value = Int(clock[2]), (0...60).contains(value) else { return nil }
            second = value
        }
        let local = date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + min(second, 59)
        return Date(timeIntervalSince1970: TimeInterval(local - utcOffsetSeconds))
    }

    /// RFC 3339 at the given offset, whole seconds: "2026-11-27T13:00:00+01:00", or "…Z" at offset zero.
    public static func rfc3339(_ date: Date, utcOffsetSeconds: Int = 0) -> String {
        let raw = date.timeIntervalSince1970
        let time = UnixTime(secondsSince1970: raw.isFinite ? raw.rounded(.down) : 0) ?? (raw < 0 ? .earliest : .latest)
        return RFC3339.format(UnixTime(seconds: time.seconds), offsetSeconds: utcOffsetSeconds)
    }

    /// Parses RFC 3339 (see `RFC3339.parse`), keeping fractions of a second.
    public static func parseRFC3339(_ text: String) -> Date? {
        RFC3339.parse(text).map { Date(timeIntervalSince1970: $0.secondsSince1970) }
    }

    /// "Z", "+01:00", "-03:30" for an offset in seconds.
    public static func offsetSuffix(_ seconds: Int) -> String { RFC3339.offsetSuffix(seconds) }

    /// `value` with leading zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}
