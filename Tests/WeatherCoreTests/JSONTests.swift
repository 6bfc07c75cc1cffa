import Foundation
import Testing
import TextFormats

@testable import WeatherCore

@Suite struct JSONTests {
    func parse(_ text: String) -> JSONValue? { JSONValue.parse(Data(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let value = try #require(
            parse(#" {"a": [1, -2.5e3, 0.125, true, false, null], "s": "é\"\\\/\n\u00e9\ud83d\ude00", "o": {}} "#))
        #expect(value["a"] == .array([.number(1), .number(-2500), .number(0.125), .bool(true), .bool(false), .null]))
        #expect(value["s"] == .string("é\"\\/\né😀"))
        #expect(value["o"] == .object([:]))
        #expect(parse("\u{FEFF}[]") == .array([]))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "tru", "nul",
        "\"unterminated", "\"tab\there\"", "[1] [2]", "{\"a\" 1}", "\"\\x\"", "\"\\ud83d\"", "NaN", "[Infinity]",
    ])
    func rejectsWhatIsNotJSON(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(parse(String(repeating: "[", count: 100_000)) == nil)
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }

    @Test func invalidUTF8InStringsIsRefused() {
        #expect(JSONValue.parse(Data([0x22, 0xFF, 0xFE, 0x22])) == nil)
    }

    @Test func writesSortedKeysWholeNumbersAndEscapes() {
        let value = JSONValue.object([
            "b": .array([.number(71), .number(9.3), .number(-0.5), .number(.infinity)]),
            "a": .string("q\"\\\n\u{1}é"), "c": .object([:]), "d": .array([]),
        ])
        #expect(value.serialized() == #"{"a":"q\"\\\n\u0001é","b":[71,9.3,-0.5,null],"c":{},"d":[]}"#)
        #expect(JSONValue.object(["k": .array([.null])]).serialized(pretty: true) == "{\n  \"k\" : [\n    null\n  ]\n}")
    }

    @Test func writeThenParseRoundTrips() throws {
        let value = JSONValue.object([
            "x": .array([.number(1.5), .string("☂ 東京"), .bool(false), .null, .object(["y": .number(-3)])])
        ])
        #expect(parse(value.serialized(pretty: true)) == value)
        #expect(parse(value.serialized()) == value)
    }
}
