/// An instant as whole seconds since 1970-01-01T00:00:00Z and the nanoseconds after them (0…999,999,999).
public struct UnixTime: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The first and last instants RFC 3339 can write with a four-digit year, in UTC.
    /// 0001-01-01T00:00:00Z
    public static let earliest = UnixTime(seconds: -62_135_596_800)
    /// 9999-12-31T23:59:59.999999999Z
    public static let latest = UnixTime(seconds: 253_402_300_799, nanoseconds: 999_999_999)

    /// `seconds` since 1970 as a whole and a fraction, when it lies in `earliest…latest`; `nil` for anything
    /// else (NaN, infinities, and values that no four-digit year can hold), so that a number from outside can
    /// never reach a trapping conversion.
    public init?(secondsSince1970 value: Double) {
        guard value.isFinite, value >= -62_135_596_800, value < 253_402_300_800 else { return nil }
        let whole = value.rounded(.down)
        var nanos = ((value - whole) * 1_000_000_000).rounded()
        var seconds = Int64(whole)
        if nanos >= 1_000_000_000 {
            seconds += 1
            nanos -= 1_000_000_000
        }
        self.init(seconds: seconds, nanoseconds: Int32(nanos))
        guard self <= Self.latest else { return nil }
    }

    /// Seconds since 1970 as a `Double` (microsecond precision for any date of years 1…9999).
    public var secondsSince1970: Double { Double(seconds) + Double(nanoseconds) / 1_000_000_000 }

    public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// RFC 3339 date-times (section 5.6), read and written by hand: the wire reads and writes four per record, and
/// Foundation's ISO 8601 format style cost more than everything else a 10,000-record sync did.
public enum RFC3339 {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: `T` and `Z` in either case, any number of fraction digits
    /// (nanoseconds kept, the rest dropped), an offset of at most ±23:59, a leap second (`:60`) held at :59 of the
    /// same minute. `nil` for anything else, and for instants outside years 1…9999 in UTC.
    public static func parse(_ text: String) -> UnixTime? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` on UTF-8 bytes.
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> UnixTime? {
        guard b.count >= 20, b.count <= 64 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = Int(b[index]) &- 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard b[4] == 45, b[7] == 45, b[10] | 0x20 == 116, b[13] == 58, b[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            CivilCalendar.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var nanoseconds = 0
        if b[index] == 46 {
            index += 1
            let start = index
            var scale = 100_000_000
            while index < b.count, (48...57).contains(b[index]) {
                nanoseconds += Int(b[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offset = 0
        switch b[index] {
        case 90, 122:  // Z, z
            guard index + 1 == b.count else { return nil }
        case 43, 45:  // +, -
            guard index + 6 == b.count, b[index + 3] == 58, let hours = number(index + 1, 2),
                let minutes = number(index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[index] == 45 ? -1 : 1)
        default:
            return nil
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + min(second, 59) - offset)
        let time = UnixTime(seconds: seconds, nanoseconds: Int32(nanoseconds))
        guard time >= UnixTime.earliest, time <= UnixTime.latest else { return nil }
        return time
    }

    /// `time` as RFC 3339 at `offsetSeconds` from UTC ("Z" at zero), with `fractionDigits` (0…9) digits of the
    /// second, or, when `fractionDigits` is nil, three digits only if the milliseconds are not zero.
    /// An instant outside years 1…9999 (at that offset) is written clamped to the nearest end.
    public static func format(_ time: UnixTime, offsetSeconds: Int = 0, fractionDigits: Int? = 0) -> String {
        let offset = max(-86_399, min(86_399, offsetSeconds))
        let local = min(max(time.seconds + Int64(offset), UnixTime.earliest.seconds), UnixTime.latest.seconds)
        let (days, secondOfDay) = CivilCalendar.split(seconds: local)
        let (year, month, day) = CivilCalendar.date(days: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(35)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
            bytes += digits
        }
        put(year, 4)
        bytes.append(45)
        put(month, 2)
        bytes.append(45)
        put(day, 2)
        bytes.append(84)
        put(secondOfDay / 3600, 2)
        bytes.append(58)
        put(secondOfDay % 3600 / 60, 2)
        bytes.append(58)
        put(secondOfDay % 60, 2)
        let nanos = Int(max(0, min(999_999_999, time.nanoseconds)))
        let digits = fractionDigits.map { max(0, min(9, $0)) } ?? (nanos / 1_000_000 > 0 ? 3 : 0)
        if digits > 0 {
            bytes.append(46)
            var divisor = 1
            for _ in digits..<9 { divisor *= 10 }
            put(nanos / divisor, digits)
        }
        bytes += offsetSuffix(offset).utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `secondsSince1970` rounded to the millisecond, in UTC, with three fraction digits only when they are not
    /// all zero: "2026-11-27T13:04:12Z", "2026-11-27T13:04:12.250Z". Clamped to years 1…9999.
    public static func formatMilliseconds(secondsSince1970 value: Double) -> String {
        let bounded = value.isFinite ? min(max(value, -62_135_596_800), 253_402_300_799.999) : 0
        let millis = Int64((bounded * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let time = UnixTime(seconds: seconds, nanoseconds: Int32(millis - seconds * 1000) * 1_000_000)
        return format(time, fractionDigits: nil)
    }

    /// "Z", "+01:00", "-03:30" for an offset in seconds (whole minutes shown).
    public static func offsetSuffix(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let minutes = min(abs(seconds), 86_399) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "")
            + String(rest)
    }
}
