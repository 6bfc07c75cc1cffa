import Foundation
import Testing
import TextFormats
import WeatherTestSupport

@Suite struct RFC3339Tests {
    @Test func daysRoundTripAcrossCenturiesAndLeapDays() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let civil = CivilCalendar.date(days: days)
            #expect(CivilCalendar.days(year: civil.year, month: civil.month, day: civil.day) == days)
        }
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.date(days: CivilCalendar.days(year: 2024, month: 2, day: 29)) == (2024, 2, 29))
    }

    @Test(arguments: [
        ("2026-11-27T13:04:12Z", 1_795_784_652, 0),
        ("2026-11-27t13:04:12z", 1_795_784_652, 0),
        ("2026-11-27T14:04:12+01:00", 1_795_784_652, 0),
        ("2026-11-27T08:34:12-04:30", 1_795_784_652, 0),
        ("2026-11-27T13:04:12.25Z", 1_795_784_652, 250_000_000),
        ("2026-11-27T13:04:12.123456789Z", 1_795_784_652, 123_456_789),
        ("2026-11-27T13:04:12.1234567891234Z", 1_795_784_652, 123_456_789),
        ("2016-12-31T23:59:60Z", 1_483_228_799, 0),
        ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799, 999_000_000),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
    ])
    func parsesWhatRFC3339Allows(text: String, seconds: Int64, nanoseconds: Int32) {
        #expect(RFC3339.parse(text) == UnixTime(seconds: seconds, nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2026-11-27 13:04:12Z", "2026-11-27T13:04:12", "2026-11-27T13:04:12+99:99", "2026-11-27T13:04:12+24:00",
        "2026-11-27T13:04:12+01:60", "2026-11-27T13:04:12+0100", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-11-27T24:00:00Z", "2026-11-27T13:60:00Z", "2026-11-27T13:04:61Z", "2026-11-27T13:04:12.Z",
        "0000-12-31T00:00:00Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+00:01", "+2026-11-27T13:04:12Z",
        "2026-11-27T13:04:12ZZ", "2026-11-27T13:04:12Z ", "２０２６-11-27T13:04:12Z",
    ])
    func refusesTheRest(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func formatsEveryOffsetAndPrecision() {
        let time = UnixTime(seconds: 1_795_784_652, nanoseconds: 250_000_000)
        #expect(RFC3339.format(time) == "2026-11-27T13:04:12Z")
        #expect(RFC3339.format(time, fractionDigits: nil) == "2026-11-27T13:04:12.250Z")
        #expect(RFC3339.format(time, offsetSeconds: 19800, fractionDigits: 6) == "2026-11-27T18:34:12.250000+05:30")
        #expect(RFC3339.format(time, offsetSeconds: -10800) == "2026-11-27T10:04:12-03:00")
        #expect(RFC3339.format(UnixTime(seconds: 1_795_784_652), fractionDigits: nil) == "2026-11-27T13:04:12Z")
        #expect(RFC3339.formatMilliseconds(secondsSince1970: 1e300) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.formatMilliseconds(secondsSince1970: -.infinity) == "1970-01-01T00:00:00Z")
    }

    @Test func secondsFromOutsideAreRangeCheckedNeverTrapped() {
        for value in [1e300, -1e300, .nan, .infinity, 253_402_300_800, -62_135_596_801, 9.3e18] {
            #expect(UnixTime(secondsSince1970: value) == nil, "\(value)")
        }
        #expect(UnixTime(secondsSince1970: 1.5) == UnixTime(seconds: 1, nanoseconds: 500_000_000))
        #expect(UnixTime(secondsSince1970: -1.5) == UnixTime(seconds: -2, nanoseconds: 500_000_000))
    }

    /// Byte for byte what Foundation's ISO 8601 style writes for the whole second (Foundation truncates binary
    /// fractions, .574 shows as .573, so the milliseconds are checked exactly instead), and the same instants read.
    @Test func agreesWithFoundation() throws {
        let seed = TestSeed.make()
        var generator = SplitMix(state: seed)
        let whole = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2000 {
            let millis = Int64.random(in: -2_208_988_800_000...253_402_300_799_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let text = RFC3339.formatMilliseconds(secondsSince1970: date.timeIntervalSince1970)
            let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
            let remainder = millis - seconds * 1000
            let expected = whole.format(Date(timeIntervalSince1970: Double(seconds)))
            #expect(
                text
                    == (remainder == 0
                        ? expected : expected.dropLast() + "." + String(format: "%03d", Int(remainder)) + "Z"),
                "\(TestSeed.describe(seed))")
            let parsed = try #require(RFC3339.parse(text))
            #expect(abs(parsed.secondsSince1970 - date.timeIntervalSince1970) < 0.0005)
            let theirs = try #require(RFC3339.parse(fractional.format(date)))
            #expect(abs(theirs.secondsSince1970 - date.timeIntervalSince1970) < 0.0015)
        }
        for text in ["2026-11-27T13:04:12+01:30", "2026-11-27T13:04:12.5-05:00", "2024-02-29T23:59:59.123456789Z"] {
            let ours = try #require(RFC3339.parse(text))
            let theirs = try (try? whole.parse(text)) ?? fractional.parse(text)
            #expect(abs(ours.secondsSince1970 - theirs.timeIntervalSince1970) < 0.000_001, "\(text)")
        }
    }
}
