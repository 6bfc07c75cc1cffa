import Foundation
import Testing
import TextFormats

/// One set of rules for all the JSON meteo writes: the document writer and the wire types' encodings agree.
@Suite struct JSONTextTests {
    @Test func stringsEscapeWhatATerminalWouldActOn() {
        var text = JSONText()
        text.string("a\u{7F}b\u{9B}c\u{202E}d\"e\\f\ng\u{1B}h é 東京")
        #expect(text.text == #""a\u007fb\u009bc\u202ed\"e\\f\ng\u001bh é 東京""#)
        #expect(JSONValue.string("a\u{7F}b\u{9B}c\u{202E}d\"e\\f\ng\u{1B}h é 東京").serialized() == text.text)
        // Foundation reads back the very string
        let decoded = try? JSONDecoder().decode(String.self, from: Data(text.text.utf8))
        #expect(decoded == "a\u{7F}b\u{9B}c\u{202E}d\"e\\f\ng\u{1B}h é 東京")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (71, "71"), (-3.5, "-3.5"), (0.1, "0.1"), (1e15, "1000000000000000"),
        (9_007_199_254_740_991, "9007199254740991"), (9_007_199_254_740_992, "9007199254740992.0"), (1e300, "1e+300"),
        (Double.infinity, "null"), (Double.nan, "null"),
    ])
    func numbersOneWay(value: Double, expected: String) {
        var text = JSONText()
        text.number(value)
        #expect(text.text == expected)
        #expect(JSONValue.number(value).serialized() == expected)
    }
}
