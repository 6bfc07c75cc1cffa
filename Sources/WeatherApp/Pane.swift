import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Rows of a pane, filled top to bottom.
struct Pane {
    let rect: Rect
    var row = 0

    init(rect: Rect) { self.rect = rect }

    var remaining: Int { rect.height - row }

    mutating func nextRow() -> Int? {
        guard row < rect.height else { return nil }
        defer { row += 1 }
        return rect.y + row
    }

    mutating func skip() { if row < rect.height { row += 1 } }

    mutating func title(_ text: String, focused: Bool, glyphs: Glyphs, into screen: inout Screen) {
        guard let y = nextRow() else { return }
        let marker = focused ? glyphs.focus : " "
        let x = screen.put(
            marker + " " + text + " ", x: rect.x, y: y, style: focused ? .title : .muted, width: rect.width)
        let end = rect.x + rect.width
        if x < end { screen.fill(Character(glyphs.horizontal), x: x, y: y, count: end - x, style: .rule) }
    }

    mutating func line(_ text: String, style: Style = .normal, into screen: inout Screen) {
        guard let y = nextRow() else { return }
        screen.put(" " + DisplayWidth.clip(text, to: rect.width - 1), x: rect.x, y: y, style: style, width: rect.width)
    }

    /// Puts `items` on as few lines as fit, `separator` between them.
    mutating func wrap(_ items: [String], separator: String, style: Style = .normal, into screen: inout Screen) {
        for line in wrapped(items, separator: separator) { self.line(line, style: style, into: &screen) }
    }

    /// How many rows `wrap` would take.
    func rows(_ items: [String], separator: String) -> Int { wrapped(items, separator: separator).count }

    private func wrapped(_ items: [String], separator: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for item in items {
            let candidate = line.isEmpty ? item : line + separator + item
            if DisplayWidth.of(candidate) + 1 > rect.width && !line.isEmpty {
                lines.append(line)
                line = item
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// The characters that draw lines, bars and icons: Unicode, or ASCII when the locale cannot show it.
struct Glyphs {
    let vertical, horizontal, topLeft, topRight, bottomLeft, bottomRight, focus, prompt: String
    let bars: [Character]
    let shades: [Character]
    let spinner: [String]

    static let unicode = Glyphs(
        vertical: "│", horizontal: "─", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", focus: "▸",
        prompt: "❯", bars: BarChart.unicode, shades: [" ", "░", "▒", "▓", "█"],
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])

    static let ascii = Glyphs(
        vertical: "|", horizontal: "-", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", focus: ">",
        prompt: ">", bars: BarChart.ascii, shades: [" ", ".", ":", "*", "#"],
        spinner: ["|", "/", "-", "\\"])
}
