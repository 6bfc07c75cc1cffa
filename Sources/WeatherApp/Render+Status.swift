import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The status line and the key line below it.
extension Renderer {
    mutating func drawStatus() {
        let y = layout.statusRow
        let unitsText = state.units == .metric ? "°C" : "°F"
        var right = " " + unitsText + " "
        if let sync = state.sync {
            let text = syncText(sync.indicator)
            let syncWidth = DisplayWidth.of(text) + 1
            if state.size.width - syncWidth - DisplayWidth.of(right) >= 20 {
                let style: Style =
                    switch sync.indicator {
                    case .failed: .error
                    case .offline: .warning
                    case .synced, .syncing: .muted
                    }
                screen.put(
                    text + " ", x: state.size.width - DisplayWidth.of(right) - syncWidth, y: y, style: style)
                right = " " + text + right
            }
        }
        let width = state.size.width - DisplayWidth.of(right)
        switch state.status {
        case .idle: break
        case .working(let text):
            let frame = glyphs.spinner[state.spinner % glyphs.spinner.count]
            screen.put(" \(frame) \(text)", x: 0, y: y, style: .accent, width: width)
        case .info(let text):
            screen.put(" " + DisplayWidth.clip(text, to: width - 1), x: 0, y: y, style: .normal, width: width)
        case .warning(let text):
            screen.put(" " + DisplayWidth.clip(text, to: width - 1), x: 0, y: y, style: .warning, width: width)
        case .error(let text):
            screen.put(" " + DisplayWidth.clip(text, to: width - 1), x: 0, y: y, style: .error, width: width)
        }
        screen.put(" " + unitsText + " ", x: state.size.width - DisplayWidth.of(unitsText) - 2, y: y, style: .muted)
    }

    func syncText(_ indicator: AppState.Sync.Indicator) -> String {
        switch indicator {
        case .syncing: (state.ascii ? "" : "⟳ ") + labels.say(.syncing)
        case .synced: (state.ascii ? "" : "✓ ") + labels.say(.synced)
        case .offline(let waiting) where waiting > 0: labels.say(.offlineWaiting, ["count": String(waiting)])
        case .offline: labels.say(.offline)
        case .failed: (state.ascii ? "" : "✗ ") + labels.say(.syncError)
        }
    }

    mutating func drawFooter() {
        let y = layout.footerRow
        // An open box takes the keys: the key line says what they do there.
        var entries: [(key: String, summary: String)] =
            switch state.overlay {
            case .pickList: [("↑↓", "choose"), ("Enter", "show"), ("Esc", "close"), ("Ctrl-C", "quit")]
            case .help: [("Esc", "close"), ("Ctrl-C", "quit")]
            case nil: state.keymap.footer(for: state.focus)
            }
        func width(_ entry: (key: String, summary: String)) -> Int {
            DisplayWidth.of(entry.key) + DisplayWidth.of(labels.screen.key(entry.summary)) + 3
        }
        // Help and quit (and, in a box, close) always stay: what does not fit goes from the middle, before them.
        var kept = 0
        for entry in entries.reversed() where ["help", "quit", "close"].contains(entry.summary) { kept += 1 }
        kept = min(kept, entries.count)
        while entries.count > kept, 1 + entries.reduce(0, { $0 + width($1) }) > state.size.width {
            entries.remove(at: entries.count - kept - 1)
        }
        var x = 1
        for entry in entries {
            guard x + width(entry) <= state.size.width else { break }
            x = screen.put(entry.key, x: x, y: y, style: .title)
            x = screen.put(" " + labels.screen.key(entry.summary) + "  ", x: x, y: y, style: .muted)
        }
    }
}
