import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Boxes over the panes: the place list and the help.
extension Renderer {
    mutating func drawPickList(_ places: [Place], selected: Int) {
        let rows = places.enumerated().map { index, place -> String in
            var text = place.name
            if let admin1 = place.admin1, admin1 != place.name { text += ", " + admin1 }
            text += ", " + (place.country ?? place.countryCode ?? "?")
            if let population = place.population { text += "  (\(labels.grouped(population)))" }
            return text
        }
        drawBox(title: labels.say(.whichOne), rows: rows, selected: selected, hint: labels.say(.pickHint))
    }

    mutating func drawHelp() {
        let names: (Focus?) -> String = { [labels] focus in
            switch focus {
            case .search: labels.say(.inSearch)
            case .result: labels.say(.inResult)
            case .history: labels.say(.inHistory)
            case nil: labels.say(.anywhere)
            }
        }
        let help = state.keymap.helpRows(naming: names).map {
            (keys: $0.keys, summary: labels.screen.key($0.summary), focuses: $0.focuses)
        }
        // Columns as wide as their widest entry and two spaces apart, so that none runs into the next.
        let keysWidth = (help.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2
        let summaryWidth = (help.map { DisplayWidth.of($0.summary) }.max() ?? 0) + 2
        let rows = help.map {
            DisplayWidth.pad($0.keys, to: keysWidth) + DisplayWidth.pad($0.summary, to: summaryWidth) + $0.focuses
        }
        drawBox(title: labels.say(.keysTitle), rows: rows, selected: nil, hint: labels.say(.helpHint))
    }

    mutating func drawBox(title: String, rows: [String], selected: Int?, hint: String) {
        let width = min(state.size.width - 2, max(DisplayWidth.of(hint), rows.map(DisplayWidth.of).max() ?? 0) + 4)
        // The blank row above the hint goes first when the terminal is short.
        let spacer = rows.count + 4 <= state.size.height - 2 ? 1 : 0
        let height = min(state.size.height - 2, rows.count + 3 + spacer)
        guard width >= 10, height >= 4 else { return }
        // A list of places goes over the result pane when it fits, so that the history beside it stays readable;
        // the help is about the whole screen.
        let area =
            selected != nil && layout.isWide && width <= layout.result.width
            ? layout.result
            : Rect(
                x: 0, y: 0, width: state.size.width, height: state.size.height)
        let x = area.x + (area.width - width) / 2
        let y = max(1, (state.size.height - height) / 2)
        let inner = width - 2
        screen.put(
            glyphs.topLeft
                + DisplayWidth.pad(glyphs.horizontal + " " + title + " ", to: inner).replacingSpaces(
                    with: glyphs.horizontal, after: DisplayWidth.of(title) + 3) + glyphs.topRight, x: x, y: y,
            style: .title)
        let visible = height - 3 - spacer
        let first = max(0, min((selected ?? 0) - visible + 1, rows.count - visible))
        for offset in 0..<visible {
            let index = first + offset
            var text = index < rows.count ? " " + rows[index] : ""
            var style: Style = index == selected ? .selected : .normal
            // A list cut short says so on its last row, rather than ending as if it were whole.
            let hidden = rows.count - (first + visible)
            if selected == nil, offset == visible - 1, hidden > 0 {
                text = " … " + labels.say(.more, ["count": String(hidden + 1)])
                style = .muted
            }
            screen.put(glyphs.vertical, x: x, y: y + 1 + offset, style: .title)
            screen.put(DisplayWidth.pad(text, to: inner), x: x + 1, y: y + 1 + offset, style: style, width: inner)
            screen.put(glyphs.vertical, x: x + width - 1, y: y + 1 + offset, style: .title)
        }
        let hintRow = y + 1 + visible
        if spacer == 1 {
            screen.put(glyphs.vertical, x: x, y: hintRow, style: .title)
            screen.fill(" ", x: x + 1, y: hintRow, count: inner)
            screen.put(glyphs.vertical, x: x + width - 1, y: hintRow, style: .title)
        }
        screen.put(glyphs.vertical, x: x, y: hintRow + spacer, style: .title)
        screen.put(
            DisplayWidth.pad(" " + hint, to: inner), x: x + 1, y: hintRow + spacer, style: .muted, width: inner)
        screen.put(glyphs.vertical, x: x + width - 1, y: hintRow + spacer, style: .title)
        screen.put(
            glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: x,
            y: hintRow + spacer + 1, style: .title)
    }
}

extension String {
    /// Replaces spaces with `fill` from the `index`-th character on (for box titles).
    fileprivate func replacingSpaces(with fill: String, after index: Int) -> String {
        var result = ""
        for (offset, character) in enumerated() {
            result += offset >= index && character == " " ? fill : String(character)
        }
        return result
    }
}
