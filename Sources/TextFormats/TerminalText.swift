/// Text made safe for a terminal: the one function everything meteo writes to a terminal goes through.
///
/// A place name from a geocoder, an imported file or a synced device is untrusted. Written raw, an ESC sequence
/// recolours or clears the terminal, an OSC sets its title or clipboard, BEL rings, CR/LF break lines, and a
/// bidirectional override makes text read backwards. Each such character is shown as a visible escape instead
/// (`\x1b`, `\u0085`, `\u202e`), so it can be seen and reported but never acts.
public enum TerminalText {
    /// `text` with every C0 control, DEL, C1 control and bidirectional embedding, override or isolate
    /// (U+202A–U+202E, U+2066–U+2069) replaced by a visible escape; line feeds kept when `keepingLineBreaks`.
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if keepingLineBreaks && scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if let escape = escape(scalar) {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// At most `limit` characters of what someone typed or sent, made visible and in single quotes, with "…"
    /// when cut: how an error message echoes input.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        let cut = text.count > limit ? String(text.prefix(max(0, limit - 1))) + "…" : text
        return "'" + visible(cut) + "'"
    }

    /// `text` without the characters `visible` would escape: how a name from a provider is cleaned before it is
    /// shown or kept (a record may not hold them).
    public static func removingUnsafe(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { escape($0) == nil })
        return result
    }

    /// Whether `scalar` is one that `visible` escapes (line feeds included).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { escape(scalar) != nil }

    /// Whether any character of `text` would act on a terminal: a byte scan, so safe text costs little.
    public static func needsEscaping(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        while let byte = utf8.next() {
            switch byte {
            case 0x0A where keepingLineBreaks: break
            case 0x00...0x1F, 0x7F: return true
            // C1: U+0080–U+009F is C2 80…C2 9F.
            case 0x80...0x9F where previous == 0xC2: return true
            // U+202A–U+202E is E2 80 AA…AE; U+2066–U+2069 is E2 81 A6…A9.
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x1F, 0x7F: "\\x" + hex(scalar.value, digits: 2)
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "\\u" + hex(scalar.value, digits: 4)
        default: nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
