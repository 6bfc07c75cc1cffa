import Foundation
import Testing
import TextFormats

@testable import WeatherCore

/// "Will it rain soon", over constructed hours: a fixed clock, and places on both sides of UTC.
@Suite struct RainSoonTests {
    /// 2026-11-27 14:20 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_789_200)
    /// The top of the hour that holds `now`.
    static let hourStart = Date(timeIntervalSince1970: 1_795_788_000)

    /// Hours ending at 15:00, 16:00 … UTC: each (amount in mm, chance in %).
    static func forecast(_ hours: [(Double?, Double?)], offset: Int = 0, quarters: [Double]? = nil) -> Forecast {
        let hourly = hours.enumerated().map { index, value in
            HourlyForecast(
                time: hourStart.addingTimeInterval(Double(index + 1) * 3600), precipitationProbability: value.1,
                precipitation: value.0)
        }
        var forecast = Forecast(
            place: Place(name: "X", latitude: 0, longitude: 0), provider: .openMeteo, utcOffsetSeconds: offset,
            current: Conditions(time: now), hourly: hourly, fetchedAt: now)
        // Quarter hours ending at 14:30, 14:45 …
        forecast.quarterHours = quarters.map { amounts in
            amounts.enumerated().map { index, amount in
                QuarterHour(time: hourStart.addingTimeInterval(Double(index + 2) * 900), precipitation: amount)
            }
        }
        return forecast
    }

    static let dry: (Double?, Double?) = (0, 5)
    static let wet: (Double?, Double?) = (1.2, 80)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var hours: [(Double?, Double?)]
        var offset = 0
        var quarters: [Double]?
        var english: String?
        var german: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "rain now, stops", hours: [wet, wet, dry] + Array(repeating: dry, count: 12),
            english: "Rain now, until about 16:00", german: "Regen jetzt, bis etwa 16:00"),
        Case(
            name: "rain all day", hours: Array(repeating: wet, count: 14),
            english: "Rain now, for the next 12 h", german: "Regen jetzt, für die nächsten 12 Std."),
        Case(
            name: "later, with its chance", hours: [dry, dry, (0.6, 70)] + Array(repeating: dry, count: 12),
            english: "Rain from 16:00 (70%)", german: "Regen ab 16:00 (70 %)"),
        Case(
            name: "later, east of UTC", hours: [dry, dry, (0.6, 70)] + Array(repeating: dry, count: 12),
            offset: 9 * 3600, english: "Rain from 01:00 (70%)"),
        Case(
            name: "later, west of UTC", hours: [dry, dry, (0.6, 70)] + Array(repeating: dry, count: 12),
            offset: -(5 * 3600 + 1800), english: "Rain from 10:30 (70%)"),
        Case(
            name: "never", hours: Array(repeating: dry, count: 14),
            english: "No rain in the next 12 h", german: "Kein Regen in den nächsten 12 Std."),
        Case(
            name: "drizzle under the threshold", hours: Array(repeating: (0.05, 90), count: 14),
            english: "No rain in the next 12 h"),
        Case(
            name: "an amount the chance calls unlikely", hours: [(0.4, 10)] + Array(repeating: dry, count: 13),
            english: "No rain in the next 12 h"),
        Case(
            name: "a likely chance without an amount",
            hours: [(nil, 20), (nil, 60)] + Array(repeating: dry, count: 12),
            english: "Rain from 15:00 (60%)"),
        Case(
            name: "missing values are skipped",
            hours: [(nil, nil), dry, (nil, nil), wet] + Array(repeating: dry, count: 10),
            english: "Rain from 17:00 (80%)"),
        Case(name: "nothing to tell", hours: Array(repeating: (nil, nil), count: 14), english: nil),
        Case(
            name: "rain past the horizon is not soon", hours: Array(repeating: dry, count: 13) + [wet],
            english: "No rain in the next 12 h"),
        Case(
            name: "five hours of data claim five hours", hours: Array(repeating: dry, count: 5),
            english: "No rain in the next 4 h"),
        Case(
            name: "quarter hours decide first", hours: Array(repeating: dry, count: 14),
            quarters: [0, 0, 0, 0.2, 0.3, 0, 0, 0], english: "Rain from 15:00 (5%)"),
        Case(
            name: "quarter hours: raining now", hours: Array(repeating: dry, count: 14),
            quarters: [0.4, 0.2, 0, 0, 0, 0, 0, 0], english: "Rain now, until about 14:45"),
    ]

    @Test(arguments: cases)
    func phrase(_ test: Case) {
        let rain = RainSoon.from(Self.forecast(test.hours, offset: test.offset, quarters: test.quarters), now: Self.now)
        #expect(rain?.text(.forLanguage(.english), offset: test.offset) == test.english)
        if let german = test.german {
            #expect(rain?.text(.forLanguage(.german), offset: test.offset) == german)
        }
    }

    @Test func theStructuredFieldsSayTheSame() throws {
        let forecast = Self.forecast([Self.dry, (0.6, 70)] + Array(repeating: Self.dry, count: 12), offset: 3600)
        let json = Outlook(forecast, now: Self.now).json(.forLanguage(.english))
        guard case .object(let rain)? = json["rain_soon"] else {
            Issue.record("no rain_soon object in \(json)")
            return
        }
        #expect(rain["state"] == .string("later"))
        #expect(rain["from"] == .string("2026-11-27T16:00:00+01:00"))
        #expect(rain["until"] == .null)
        #expect(rain["probability"] == .number(70))
        #expect(rain["horizon_hours"] == .number(12))
        #expect(json["sun"] == .null)
        #expect(json["uv"] == .null)
    }

    @Test(arguments: [
        (0.0, UVCategory.low), (2.4, .low), (2.6, .moderate), (5.4, .moderate), (6, .high), (7.9, .veryHigh),
        (10.4, .veryHigh), (11, .extreme), (16, .extreme),
    ])
    func uvCategoriesAreWHOs(index: Double, category: UVCategory) {
        #expect(UVCategory(index: index) == category)
    }
}

/// The one-line format's own grammar.
@Suite struct LineFormatTests {
    @Test func bracesAndPlaceholders() throws {
        #expect(try LineFormat("{{literal}} {temperature}").pieces == [.text("{literal} "), .value(.temperature)])
        #expect(try LineFormat("no values").pieces == [.text("no values")])
        #expect(throws: LineFormat.Problem.unknown("pollen")) { try LineFormat("{pollen}") }
        #expect(throws: LineFormat.Problem.unclosed) { try LineFormat("{icon") }
        // A name too long to echo is cut
        #expect(throws: LineFormat.Problem.unknown(String(repeating: "x", count: 40))) {
            try LineFormat("{" + String(repeating: "x", count: 500) + "}")
        }
        #expect(LineFormat.isTemplate("{icon}") && !LineFormat.isTemplate("oneline"))
    }
}
