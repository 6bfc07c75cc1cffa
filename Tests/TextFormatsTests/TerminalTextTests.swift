import Testing
import TextFormats

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("Par\u{1B}[31mis", "Par\\x1b[31mis"),
        ("bell\u{07}", "bell\\x07"),
        ("two\r\nlines", "two\\x0d\\x0alines"),
        ("tab\there", "tab\\x09here"),
        ("del\u{7F}", "del\\x7f"),
        ("\u{1B}]0;title\u{07}", "\\x1b]0;title\\x07"),
        ("c1\u{85}\u{9B}31m", "c1\\u0085\\u009b31m"),
        ("evil\u{202E}txt.exe", "evil\\u202etxt.exe"),
        ("\u{2066}iso\u{2069}", "\\u2066iso\\u2069"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
        ("nul\u{0}", "nul\\x00"),
    ])
    func controlAndBidiCharactersBecomeVisibleEscapes(input: String, shown: String) {
        #expect(TerminalText.visible(input) == shown)
        #expect(TerminalText.needsEscaping(input))
        #expect(!TerminalText.needsEscaping(TerminalText.visible(input)))
    }

    @Test(arguments: [
        "Paris", "São Paulo", "東京", "Zürich · 9.3°C", "", "\u{200F}rtl mark", "\u{2029}", "\u{2065}", "\u{206A}",
        "\u{202F}narrow", "\u{A0}", "\u{2028}",
    ])
    func ordinaryTextIsUnchanged(input: String) {
        #expect(TerminalText.visible(input) == input)
        #expect(!TerminalText.needsEscaping(input))
    }

    @Test func lineFeedsStayWhenAskedAndNothingElseDoes() {
        #expect(TerminalText.visible("a\nb\u{1B}c\r", keepingLineBreaks: true) == "a\nb\\x1bc\\x0d")
        #expect(TerminalText.visible("a\nb", keepingLineBreaks: false) == "a\\x0ab")
    }

    @Test func quotingCutsLongInputAndEscapesIt() {
        #expect(TerminalText.quoted("Paris") == "'Paris'")
        #expect(TerminalText.quoted("Par\u{1B}is") == "'Par\\x1bis'")
        let long = String(repeating: "x", count: 10_000)
        let quoted = TerminalText.quoted(long)
        #expect(quoted.count == 62)
        #expect(quoted.hasSuffix("…'"))
    }

    @Test func everyScalarTheByteScanFlagsIsOneTheEscaperChanges() {
        // The byte scan and the scalar rule must agree on every scalar of the first planes.
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect(TerminalText.needsEscaping(text) == TerminalText.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct TextColumnsTests {
    @Test func columnsAlignByDisplayWidthAndNumbersOnTheRight() {
        let lines = TextColumns.lines(
            [["東京都", "-25.0°C", "Snow"], ["Paris", "9.3°C", "Clear"], ["Île", "19.5°C", ""]], right: [1])
        #expect(lines == ["東京都  -25.0°C  Snow", "Paris     9.3°C  Clear", "Île      19.5°C"])
        // Controls in a cell are shown as their escapes and measured as shown
        #expect(TextColumns.lines([["a\u{1B}b", "1"], ["c", "22"]], right: [1]) == ["a\\x1bb   1", "c       22"])
    }
}

@Suite struct ASCIITextTests {
    @Test func foldingKeepsUnitsLettersAndMeaning() {
        #expect(ASCIIText.fold("19.5°C feels like -2°F") == "19.5C feels like -2F")
        #expect(ASCIIText.fold("SW (225°)") == "SW (225deg)")
        #expect(ASCIIText.fold("São Paulo · Île-de-France – Köln…") == "Sao Paulo - Ile-de-France - Koln...")
        #expect(ASCIIText.fold("東京 ❄") == "?? ?")
        #expect(ASCIIText.fold("plain") == "plain")
        #expect(ASCIIText.fold(Character("é")) == "e")
        #expect(ASCIIText.fold(Character("°")) == " ")
    }

    @Test func jsonKeepsItsValuesInASCII() {
        #expect(ASCIIText.escapingJSON(#"{"name":"Île 😀"}"#) == #"{"name":"\u00cele \ud83d\ude00"}"#)
        #expect(ASCIIText.escapingJSON("[1]") == "[1]")
    }
}
