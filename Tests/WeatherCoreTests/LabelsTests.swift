import Testing

@testable import WeatherCore

/// A language is one table: each one says every phrase, with the same values in it, and every word list whole.
@Suite struct LabelsTests {
    @Test(arguments: Language.allCases)
    func everyTableIsComplete(language: Language) {
        let labels = Labels.forLanguage(language)
        let english = Labels.forLanguage(.english)
        #expect(labels.language == language)
        for phrase in Phrase.allCases {
            guard let text = labels.phrases[phrase] else {
                Issue.record("\(language) lacks \(phrase)")
                continue
            }
            let template = english.phrases[phrase] ?? ""
            #expect(Set(Labels.holes(text)) == Set(Labels.holes(template)), "\(language) \(phrase): \(text)")
            #expect(!text.isEmpty)
        }
        #expect(Set(labels.weather.keys) == Set(english.weather.keys))
        #expect(labels.weekdays.count == 7)
        #expect(labels.months.count == 12)
        #expect(labels.compass.count == 16)
        // The screen's key names: a language that translates them translates them all
        if !labels.screen.keys.isEmpty {
            #expect(Set(labels.screen.keys.keys) == Set(Labels.forLanguage(.french).screen.keys.keys))
        }
        // Every phrase is its own words, not English left in place (a few are the same in every language)
        let sameEverywhere: Set<Phrase> = [
            .seconds, .recordID, .dayMonthYear, .dayMonth, .minutes, .hours, .errorLine, .usageLine, .most,
            .offline, .populationColumn, .regionColumn, .uvRow, .sunTimes, .daylight, .airRow,
        ]
        if language != .english {
            for phrase in Phrase.allCases where !sameEverywhere.contains(phrase) {
                #expect(labels.phrases[phrase] != english.phrases[phrase], "\(language) \(phrase) is English")
            }
        }
    }

    @Test func valuesFillTheirPlacesAndAreNeverReadAsTemplates() {
        let english = Labels.forLanguage(.english)
        #expect(english.say(.recorded, ["place": "{id}", "id": "1234"]) == "Recorded {id} (1234).")
        #expect(english.say(.searching) == "Searching {query}…")
        #expect(Labels.holes("a {b} c {d}") == ["b", "d"])
    }

    @Test func numbersFollowTheLanguage() {
        let english = Labels.forLanguage(.english)
        let french = Labels.forLanguage(.french)
        let german = Labels.forLanguage(.german)
        #expect(english.number(-9.25, 1) == "-9.3")
        #expect(french.number(-9.25, 1) == "-9,3")
        #expect(german.number(1016, 0) == "1016")
        #expect(english.grouped(2_138_551) == "2,138,551")
        #expect(french.grouped(2_138_551) == "2 138 551")
        #expect(german.grouped(2_138_551) == "2.138.551")
        #expect(english.percent(71) == "71%")
        #expect(french.percent(71) == "71 %")
        #expect(Measures(units: .metric, language: .english).temperature(9.3) == "9.3°C")
        #expect(Measures(units: .metric, language: .french).temperature(9.3) == "9,3 °C")
        #expect(Measures(units: .imperial, language: .german).temperature(0) == "32,0 °F")
        #expect(Measures(units: .imperial, language: .french).pressure(1016) == "30,00 inHg")
        #expect(Measures(units: .metric, language: .german).shortTemperature(-4.6, ascii: true) == "-5C")
    }

    @Test func datesAndDurationsFollowTheLanguage() {
        #expect(Labels.forLanguage(.english).dayMonth(day: 1, month: 12) == "1 Dec")
        #expect(Labels.forLanguage(.french).dayMonth(day: 1, month: 12) == "1 déc.")
        #expect(Labels.forLanguage(.german).dayMonth(day: 1, month: 12) == "1. Dez.")
        #expect(Labels.forLanguage(.english).duration(seconds: 3 * 86_400) == "3 days")
        #expect(Labels.forLanguage(.german).duration(seconds: 7_200) == "2 Std.")
        #expect(Labels.forLanguage(.french).duration(seconds: 90) == "2 min")
        // Out-of-range ages from a damaged cache stay numbers, never a trap
        #expect(Labels.forLanguage(.english).duration(seconds: .max).hasSuffix(" days"))
        #expect(Labels.forLanguage(.english).duration(seconds: -5) == "0 s")
    }

    @Test func eitherJoinsChoicesAsTheLanguageDoes() {
        #expect(Labels.forLanguage(.english).either(["en", "fr", "de"]) == "en, fr or de")
        #expect(Labels.forLanguage(.german).either(["metric", "imperial"]) == "metric oder imperial")
        #expect(Labels.forLanguage(.french).either(["bash"]) == "bash")
    }

    @Test func compassAndWeatherInGerman() {
        #expect(Compass.point(90, language: .german) == "O")
        #expect(Compass.point(67.5, language: .german) == "ONO")
        #expect(WeatherCode(61).description(in: .german) == "Leichter Regen")
        #expect(WeatherCode(42).description(in: .german) == "Unbekannt (Code 42)")
    }
}
