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
            (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day)
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
    public var daysSinceEpoch: Int { CivilTime.daysFromCivil(year: year, month: month, day: day) }

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
    /// Local wall-clock parts of an instant at a fixed offset from UTC.
    public struct Components: Sendable, Hashable {
        public var year, month, day, hour, minute, second: Int
    }

    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func components(of date: Date, utcOffsetSeconds: Int) -> Components {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let civil = civilFromDays(days)
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
        let local = date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(local - utcOffsetSeconds))
    }

    /// RFC 3339 at the given offset: "2026-11-27T13:00:00+01:00", or "…Z" at offset zero.
    public static func rfc3339(_ date: Date, utcOffsetSeconds: Int = 0) -> String {
        let c = components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        let stamp =
            "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        return stamp + offsetSuffix(utcOffsetSeconds)
    }

    /// Parses RFC 3339 with "Z" or "±HH:MM", keeping fractions of a second.
    public static func parseRFC3339(_ text: String) -> Date? {
        var body = Substring(text)
        var offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if body.count > 6, let sign = body.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = body.suffix(5).split(separator: ":")
            guard zone.count == 2, let h = Int(zone[0]), let m = Int(zone[1]) else { return nil }
            offset = (sign == "+" ? 1 : -1) * (h * 3600 + m * 60)
            body = body.dropLast(6)
        } else {
            return nil
        }
        var fraction = 0.0
        if let dot = body.firstIndex(of: ".") {
            let digits = body[body.index(after: dot)...]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                let value = Double("0." + digits)
            else { return nil }
            fraction = value
            body = body[..<dot]
        }
        return parseLocal(body, utcOffsetSeconds: offset).map { $0.addingTimeInterval(fraction) }
    }

    /// "Z", "+01:00", "-03:30" for an offset in seconds.
    public static func offsetSuffix(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    /// `value` with leading zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}
