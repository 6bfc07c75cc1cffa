/// How many terminal cells a character takes: 0 for controls, 2 for East Asian wide and emoji, else 1.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The cells `text` takes once shown (controls and bidi characters as their visible escapes).
    public static func of(_ text: String) -> Int { TerminalText.visible(text).reduce(0) { $0 + of($1) } }

    /// `text`, shown safely, cut to at most `width` cells, with "…" when cut.
    public static func clip(_ text: String, to width: Int) -> String {
        let text = TerminalText.visible(text)
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let clipped = clip(text, to: width)
        return clipped + String(repeating: " ", count: max(0, width - of(clipped)))
    }
}

/// Rows of cells in aligned columns, by display width (wide characters and accents count as what they take).
public enum TextColumns {
    /// Each row's cells padded to their column's widest, two spaces apart; the columns in `right` are aligned right
    /// (numbers); trailing spaces dropped.
    public static func lines(_ rows: [[String]], right: Set<Int> = []) -> [String] {
        let visible = rows.map { row in row.map { TerminalText.visible($0) } }
        let count = visible.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            visible.map { $0.indices.contains(column) ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
        }
        return visible.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                return right.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").droppingTrailingSpaces()
        }
    }
}
