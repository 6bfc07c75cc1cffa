/// Text for a terminal that shows ASCII only (a non-UTF-8 locale, or `--ascii`): the screen and the command
/// line fold their text the same way, so `19.5°C` is `19.5C` and `Île-de-France` is `Ile-de-France` in both.
public enum ASCIIText {
    /// `text` in ASCII: letters lose their accents, symbols become their ASCII lookalikes (`19.5°C` is `19.5C`,
    /// `225°` is `225deg`), wide characters and anything else become `?`.
    public static func fold(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var characters = text.makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            if character.isASCII {
                result.append(character)
            } else if character == "°" {
                // A unit keeps its letter (19.5°C is 19.5C); an angle says what it is (225° is 225deg).
                if next != "C" && next != "F" { result += "deg" }
            } else if let replacement = lookalikes[character] {
                result += replacement
            } else {
                result.append(letter(character) ?? "?")
            }
        }
        return result
    }

    /// One cell's character in ASCII (the screen folds cell by cell after layout): what `fold` writes, or a space
    /// where `fold` writes nothing.
    public static func fold(_ character: Character) -> Character {
        if character.isASCII { return character }
        if let replacement = lookalikes[character] { return replacement.first ?? " " }
        return letter(character) ?? "?"
    }

    /// JSON text with every non-ASCII character written as its `\u` escape: the same values, in ASCII only
    /// (outside strings, JSON is ASCII already).
    public static func escapingJSON(_ json: String) -> String {
        guard !json.utf8.allSatisfy({ $0 < 0x80 }) else { return json }
        let digits = Array("0123456789abcdef")
        var result = ""
        for scalar in json.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                result += "\\u"
                for shift in stride(from: 12, through: 0, by: -4) {
                    result.append(digits[Int(unit >> UInt16(shift)) & 15])
                }
            }
        }
        return result
    }

    private static let lookalikes: [Character: String] = [
        "°": "", "…": "...", "·": "-", "–": "-", "—": "-", "×": "x", "≤": "<=", "≥": ">=", "↑": "^", "↓": "v",
        "←": "<", "→": ">", "─": "-", "│": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "▸": ">", "❯": ">",
        "«": "\"", "»": "\"", "’": "'", "‘": "'", "“": "\"", "”": "\"", "\u{00A0}": " ", "\u{202F}": " ",
        "−": "-", "₂": "2", "µ": "u", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    ]

    private static func letter(_ character: Character) -> Character? {
        letters.first { $0.1.contains(character) }?.0
    }

    /// Accented letters by the letter they fold to (built once, not per character).
    private static let letters: [(Character, String)] = [
        ("a", "àáâãäåāą"), ("A", "ÀÁÂÃÄÅĀĄ"), ("c", "çćč"), ("C", "ÇĆČ"), ("e", "èéêëēęě"), ("E", "ÈÉÊËĒĘĚ"),
        ("i", "ìíîïī"), ("I", "ÌÍÎÏĪ"), ("n", "ñńň"), ("N", "ÑŃŇ"), ("o", "òóôõöøō"), ("O", "ÒÓÔÕÖØŌ"),
        ("u", "ùúûüūů"), ("U", "ÙÚÛÜŪŮ"), ("y", "ýÿ"), ("Y", "Ý"), ("s", "śšș"), ("S", "ŚŠȘ"), ("z", "źżž"),
        ("Z", "ŹŻŽ"), ("l", "ł"), ("L", "Ł"), ("r", "ř"), ("R", "Ř"), ("t", "țť"), ("T", "ȚŤ"), ("d", "ď"),
        ("g", "ğ"),
    ]
}
