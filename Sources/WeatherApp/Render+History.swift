import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The history pane: kept records, newest first, around the selection.
extension Renderer {
    mutating func drawHistory(in rect: Rect) {
        var pane = Pane(rect: rect)
        let history = state.history
        let focused = state.focus == .history
        var title = "History"
        if history.loaded { title += " (\(history.total))" }
        pane.title(title, focused: focused, glyphs: glyphs, into: &screen)
        guard !history.unavailable else {
            pane.line("Your records cannot be read:", style: .error, into: &screen)
            pane.line("see the line below. Search still works.", style: .muted, into: &screen)
            return
        }
        guard history.loaded else {
            pane.line("Loading…", style: .muted, into: &screen)
            return
        }
        guard history.total > 0 else {
            pane.line("No records yet.", style: .muted, into: &screen)
            pane.line("Press r on a result to keep it.", style: .muted, into: &screen)
            return
        }
        for index in history.top..<min(history.total, history.top + layout.historyRows) {
            guard let y = pane.nextRow() else { break }
            let selected = index == history.selected
            guard let record = history.record(at: index) else {
                // Not read yet (a jump to the other end is loading): a placeholder row.
                let style: Style = selected ? (focused ? .selected : .accent) : .muted
                screen.put(DisplayWidth.pad(" …", to: rect.width), x: rect.x, y: y, style: style, width: rect.width)
                continue
            }
            let temperature =
                record.temperature.map {
                    NumberText.fixed(state.units.temperature($0), 0) + state.units.degree(ascii: state.ascii)
                } ?? "–"
            // A record kept from an offline result is marked, and shows when it was observed (not kept).
            let icon =
                (record.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) } ?? " ")
                + (record.keptOffline ? (state.ascii ? "^" : "⌁") : "")
            let date = state.clockDate(
                record.keptOffline ? record.observedAt : record.recordedAt,
                offset: history.localOffsets[record.id] ?? state.localOffset)
            let placeWidth = max(4, rect.width - DisplayWidth.of(date) - 11)
            let text =
                " " + date + "  " + DisplayWidth.pad(record.place.name, to: placeWidth) + " "
                + DisplayWidth.pad(temperature, to: 5) + icon
            let style: Style = selected ? (focused ? .selected : .accent) : .normal
            screen.put(DisplayWidth.pad(text, to: rect.width), x: rect.x, y: y, style: style, width: rect.width)
        }
    }
}
