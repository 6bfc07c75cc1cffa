import Foundation
import Testing

@testable import WeatherCore

@Suite struct CivilTimeTests {
    @Test func aHugeOrNonFiniteInstantIsClampedNeverTrapped() {
        for seconds in [1e300, -1e300, .infinity, -.infinity, .nan, 9.3e18, -9.3e18] {
            let parts = CivilTime.components(of: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 50_000)
            #expect((1...9999).contains(parts.year), "\(seconds)")
            _ = CivilTime.rfc3339(Date(timeIntervalSince1970: seconds), utcOffsetSeconds: -50_000)
        }
    }

    @Test func aLeapSecondStaysInItsMinute() throws {
        let leap = try #require(CivilTime.parseLocal("2016-12-31T23:59:60", utcOffsetSeconds: 0))
        #expect(CivilTime.rfc3339(leap) == "2016-12-31T23:59:59Z")
    }

    @Test func localTimeAtAnOffsetBecomesTheRightInstant() throws {
        // Given São Paulo's 19:15 at UTC-3
        let date = try #require(CivilTime.parseLocal("2026-10-06T19:15", utcOffsetSeconds: -10800))
        // Then it is 22:15 UTC, and prints back with its offset
        #expect(CivilTime.rfc3339(date) == "2026-10-06T22:15:00Z")
        #expect(CivilTime.rfc3339(date, utcOffsetSeconds: -10800) == "2026-10-06T19:15:00-03:00")
        #expect(CivilTime.rfc3339(date, utcOffsetSeconds: 19800) == "2026-10-07T03:45:00+05:30")
    }

    @Test(arguments: [
        "", "2026-13-01T00:00", "2026-02-30T10:00", "2026-01-01T24:00", "2026-01-01", "yesterday", "2026-01-01T1:00",
    ])
    func malformedLocalTimesAreRejected(text: String) {
        #expect(CivilTime.parseLocal(text, utcOffsetSeconds: 0) == nil)
    }

    @Test func rfc3339ParsesZuluOffsetsAndFractions() throws {
        let zulu = try #require(CivilTime.parseRFC3339("2026-11-27T13:04:12Z"))
        #expect(CivilTime.parseRFC3339("2026-11-27T14:04:12+01:00") == zulu)
        #expect(CivilTime.parseRFC3339("2026-11-27T13:04:12.250Z") == zulu.addingTimeInterval(0.25))
        #expect(CivilTime.parseRFC3339("2026-11-27 13:04:12") == nil)
    }

    @Test func weekdaysAreRight() throws {
        #expect(try #require(LocalDate(iso: "2026-11-27")).weekday == 5)  // a Friday
        #expect(try #require(LocalDate(iso: "1970-01-01")).weekday == 4)  // a Thursday
        #expect(LocalDate(iso: "2026-11-31") == nil)
    }
}

@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZeroAndNeverPrintsMinusZero() {
        #expect(NumberText.fixed(2.25, 1) == "2.3")
        #expect(NumberText.fixed(-2.25, 1) == "-2.3")
        #expect(NumberText.fixed(-0.04, 1) == "0.0")
        #expect(NumberText.fixed(0.05, 2) == "0.05")
        #expect(NumberText.fixed(1016.3, 0) == "1016")
        #expect(NumberText.fixed(.nan, 1) == "–")
    }

    @Test func compassPointsCoverTheCircle() {
        #expect(Compass.point(0, language: .english) == "N")
        #expect(Compass.point(225, language: .english) == "SW")
        #expect(Compass.point(359, language: .english) == "N")
        #expect(Compass.point(-90, language: .english) == "W")
        #expect(Compass.point(270, language: .french) == "O")
    }

    @Test func unitsConvertFromMetric() {
        #expect(Units.imperial.temperature(100) == 212)
        #expect(Units.metric.temperature(21.5) == 21.5)
        #expect(abs(Units.imperial.speed(1.609_344) - 1) < 1e-9)
        #expect(abs(Units.imperial.pressure(1013.25) - 29.92) < 0.01)
        #expect(abs(Units.imperial.precipitation(25.4) - 1) < 1e-9)
    }
}

@Suite struct WeatherCodeTests {
    static let documented = [
        0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99,
    ]

    @Test(arguments: documented)
    func everyDocumentedCodeHasWordsInBothLanguagesAndAnIcon(code: Int) {
        let weather = WeatherCode(code)
        #expect(!weather.description(in: .english).hasPrefix("Unknown"))
        #expect(!weather.description(in: .french).hasPrefix("Inconnu"))
        #expect(weather.icon(ascii: true).unicodeScalars.allSatisfy { $0.isASCII })
        #expect(weather.icon(ascii: false) != "?")
    }

    @Test func unknownCodesSayTheirNumber() {
        #expect(WeatherCode(42).description(in: .english) == "Unknown (code 42)")
        #expect(WeatherCode(42).icon(ascii: false) == "?")
    }

    @Test func openWeatherMapConditionsMapToWMO() {
        #expect(WeatherCode.fromOpenWeatherMap(800).rawValue == 0)
        #expect(WeatherCode.fromOpenWeatherMap(804).rawValue == 3)
        #expect(WeatherCode.fromOpenWeatherMap(500).rawValue == 61)
        #expect(WeatherCode.fromOpenWeatherMap(211).rawValue == 95)
        #expect(WeatherCode.fromOpenWeatherMap(601).rawValue == 73)
        #expect(WeatherCode.fromOpenWeatherMap(999).rawValue == -1)
    }
}

@Suite struct PlaceQueryTests {
    static let paris = Place(
        name: "Paris", admin1: "Île-de-France", country: "France", countryCode: "FR", latitude: 48.85, longitude: 2.35)
    static let parisTexas = Place(
        name: "Paris", admin1: "Texas", country: "United States", countryCode: "US", latitude: 33.66, longitude: -95.55)
    static let springfieldMO = Place(
        name: "Springfield", admin1: "Missouri", country: "United States", countryCode: "US", latitude: 37.2,
        longitude: -93.3)
    static let springfieldIL = Place(
        name: "Springfield", admin1: "Illinois", country: "United States", countryCode: "US", latitude: 39.8,
        longitude: -89.6)

    @Test func splitsNameAndQualifiers() throws {
        let query = try #require(PlaceQuery("  Springfield ,  MO , "))
        #expect(query.name == "Springfield")
        #expect(query.qualifiers == ["MO"])
        #expect(query.text == "Springfield, MO")
        #expect(PlaceQuery(" , ") == nil)
    }

    @Test(arguments: [
        ("Paris", ["Paris FR", "Paris TX"]),
        ("Paris, US", ["Paris TX"]),
        ("Paris, Texas", ["Paris TX"]),
        ("Paris, TX", ["Paris TX"]),
        ("Paris, fr", ["Paris FR"]),
        ("Paris, ile-de-france", ["Paris FR"]),
        ("Paris, USA", ["Paris TX"]),
        ("Paris, Germany", []),
    ])
    func qualifiersNarrowByCountryRegionOrAbbreviation(text: String, expected: [String]) throws {
        let query = try #require(PlaceQuery(text))
        let names = [Self.paris: "Paris FR", Self.parisTexas: "Paris TX"]
        #expect(query.filter([Self.paris, Self.parisTexas]).compactMap { names[$0] } == expected)
    }

    @Test func stateAbbreviationPicksTheRightSpringfield() throws {
        let query = try #require(PlaceQuery("Springfield, MO"))
        #expect(query.filter([Self.springfieldIL, Self.springfieldMO]) == [Self.springfieldMO])
    }
}
