import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Draws `state` as a screen. Pure: the same state always gives the same cells.
public func render(_ state: AppState) -> Screen {
    var renderer = Renderer(state: state)
    return renderer.draw()
}

/// The drawing of one frame.
struct Renderer {
    let state: AppState
    let layout: Layout
    var screen: Screen
    let glyphs: Glyphs
    let labels: Labels

    init(state: AppState) {
        self.state = state
        layout = Layout(size: state.size)
        screen = Screen(size: state.size)
        screen.ascii = state.ascii
        glyphs = state.ascii ? .ascii : .unicode
        labels = .forLanguage(state.language)
    }

    mutating func draw() -> Screen {
        guard state.size.width > 0, state.size.height > 0 else { return screen }
        if layout.isTooSmall {
            let lines = labels.say(.tooSmall, ["size": "\(Layout.minimumWidth)×\(Layout.minimumHeight)"])
                .split(separator: "|").map(String.init)
            for (row, line) in lines.enumerated() where row < state.size.height {
                screen.put(line, x: 0, y: row, style: .warning)
            }
            return screen
        }
        drawSearchBar()
        drawResult(in: layout.result)
        drawHistory(in: layout.history)
        if let column = layout.separatorColumn {
            for row in layout.result.y..<(layout.result.y + layout.result.height) {
                screen.put(glyphs.vertical, x: column, y: row, style: .rule)
            }
        }
        drawStatus()
        drawFooter()
        switch state.overlay {
        case .pickList(let places, let selected): drawPickList(places, selected: selected)
        case .help: drawHelp()
        case nil: break
        }
        if state.ascii { screen.asciify() }
        return screen
    }

    // MARK: - Text

    func temperatureText(_ celsius: Double) -> String { measures.temperature(celsius) }

    var measures: Measures { Measures(units: state.units, language: state.language) }

    func localClock(_ date: Date, offset: Int) -> String { CivilTime.clock(date, utcOffsetSeconds: offset) }
}

extension AppState {
    /// "27 Nov 14:15" in this machine's time zone (at `offset` when it differed then).
    func clockDate(_ date: Date, offset: Int? = nil) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: offset ?? localOffset)
        // Months padded to the longest of the language, so that the times after them line up.
        let months = labels.months
        let longest = months.map { DisplayWidth.of($0) }.max() ?? 3
        let day = labels.say(
            .dayMonth,
            ["day": CivilTime.pad(parts.day, 2), "month": DisplayWidth.pad(months[parts.month - 1], to: longest)])
        return day + " " + CivilTime.clock(date, utcOffsetSeconds: offset ?? localOffset)
    }
}
