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
        var title = labels.screen.history
        if history.loaded { title += " (\(history.total))" }
        pane.title(title, focused: focused, glyphs: glyphs, into: &screen)
        guard !history.unavailable else {
            pane.line(labels.screen.unreadable, style: .error, into: &screen)
            pane.line(labels.screen.searchStillWorks, style: .muted, into: &screen)
            return
        }
        guard history.loaded else {
            pane.line(labels.screen.loading, style: .muted, into: &screen)
            return
        }
        guard history.total > 0 else {
            pane.line(labels.screen.noRecords, style: .muted, into: &screen)
            pane.line(labels.screen.pressR, style: .muted, into: &screen)
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
            let temperature = record.temperature.map { measures.shortTemperature($0, ascii: state.ascii) } ?? "–"
            // A record kept from an offline result is marked, and shows when it was observed (not kept).
            let icon =
                (record.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) } ?? " ")
                + (record.keptOffline ? (state.ascii ? "^" : "⌁") : "")
            let date = state.clockDate(
                record.keptOffline ? record.observedAt : record.recordedAt,
                offset: history.localOffsets[record.id] ?? state.localOffset)
            // The temperature and the icon always fit; when the row is short the day goes first, then the place.
            let tail = " " + DisplayWidth.pad(temperature, to: 5) + icon
            // An icon takes one cell; the offline mark beside it takes the row's last, otherwise blank, cell.
            let room = rect.width - 9
            let when = room - DisplayWidth.of(date) - 2 >= 4 ? date : String(date.suffix(5))
            let placeWidth = max(0, room - DisplayWidth.of(when) - 2)
            let text = " " + when + "  " + DisplayWidth.pad(record.place.name, to: placeWidth) + tail
            let style: Style = selected ? (focused ? .selected : .accent) : .normal
            screen.put(DisplayWidth.pad(text, to: rect.width), x: rect.x, y: y, style: style, width: rect.width)
        }
    }
}
