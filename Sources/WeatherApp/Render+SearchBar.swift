import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The search bar on the first row.
extension Renderer {
    mutating func drawSearchBar() {
        let focused = state.focus == .search && state.overlay == nil
        var x = screen.put(" meteo ", x: 0, y: 0, style: .title)
        x = screen.put(glyphs.prompt + " ", x: x, y: 0, style: focused ? .accent : .muted)
        let fieldWidth = state.size.width - x - 1
        guard fieldWidth > 2 else { return }
        screen.fill(" ", x: x, y: 0, count: fieldWidth, style: .input)
        let characters = state.query.characters
        if characters.isEmpty && !focused {
            screen.put(labels.say(.pressSlash), x: x, y: 0, style: .input, width: fieldWidth)
            return
        }
        // Scroll the text so that the cursor stays visible.
        var start = 0
        while DisplayWidth.of(String(characters[start..<state.query.cursor])) > fieldWidth - 1 { start += 1 }
        var column = x
        for index in start..<characters.count {
            let width = DisplayWidth.of(characters[index])
            guard column + width <= x + fieldWidth else { break }
            let style: Style = focused && index == state.query.cursor ? .cursor : .input
            screen.put(String(characters[index]), x: column, y: 0, style: style)
            column += width
        }
        if focused && state.query.cursor == characters.count && column < x + fieldWidth {
            screen.put(" ", x: column, y: 0, style: .cursor)
        }
    }
}
