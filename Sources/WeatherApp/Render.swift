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
        glyphs = state.ascii ? .ascii : .unicode
        labels = .forLanguage(state.language)
    }

    mutating func draw() -> Screen {
        guard state.size.width > 0, state.size.height > 0 else { return screen }
        if layout.isTooSmall {
            let lines = ["Terminal too small", "for meteo: make it", "at least 20×6."]
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

    // MARK: - Search bar

    mutating func drawSearchBar() {
        let focused = state.focus == .search && state.overlay == nil
        var x = screen.put(" meteo ", x: 0, y: 0, style: .title)
        x = screen.put(glyphs.prompt + " ", x: x, y: 0, style: focused ? .accent : .muted)
        let fieldWidth = state.size.width - x - 1
        guard fieldWidth > 2 else { return }
        screen.fill(" ", x: x, y: 0, count: fieldWidth, style: .input)
        let characters = state.query.characters
        if characters.isEmpty && !focused {
            screen.put("Press / and type a place", x: x, y: 0, style: .input, width: fieldWidth)
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

    // MARK: - Result

    mutating func drawResult(in rect: Rect) {
        var pane = Pane(rect: rect)
        if let record = state.opened {
            drawRecord(record, pane: &pane)
            return
        }
        guard let result = state.result else {
            pane.title("Weather", focused: state.focus == .result, glyphs: glyphs, into: &screen)
            pane.line("Type a place in the search bar and press Enter.", style: .muted, into: &screen)
            pane.line("Tab moves between the search bar, the result", style: .muted, into: &screen)
            pane.line("and your history; ? shows every key.", style: .muted, into: &screen)
            return
        }
        let forecast = result.forecast
        let place = forecast.place
        var title = place.qualifiedName
        if let current = forecast.current {
            title += " · " + localClock(current.time, offset: forecast.utcOffsetSeconds)
        }
        pane.title(title, focused: state.focus == .result, glyphs: glyphs, into: &screen)
        if result.staleReason != nil {
            let stale = StaleText(fetchedAt: forecast.fetchedAt, now: state.now, localOffset: state.localOffset)
            pane.line(
                forecast.currentIsForecast == true
                    ? "Offline: forecast from \(stale.when) (\(stale.age) ago) for this hour"
                    : "Offline: result from \(stale.when) (\(stale.age) ago)", style: .warning, into: &screen)
        }

        if let current = forecast.current {
            if let code = current.weatherCode {
                let weather = WeatherCode(code)
                pane.line(
                    "\(weather.icon(ascii: state.ascii)) \(weather.description(in: state.language))", style: .title,
                    into: &screen)
            }
            var temperature = current.temperature.map(temperatureText) ?? "–"
            if let feels = current.apparentTemperature {
                temperature += "   \(labels.feelsLike) \(temperatureText(feels))"
            }
            pane.line(temperature, style: .accent, into: &screen)
            var details: [String] = []
            if let humidity = current.humidity {
                details.append("\(labels.humidity) \(NumberText.fixed(humidity, 0))%")
            }
            if let wind = current.windSpeed {
                var text = "\(labels.wind) \(NumberText.fixed(state.units.speed(wind), 0)) \(state.units.speedSymbol)"
                if let direction = current.windDirection {
                    text += " " + Compass.point(direction, language: state.language)
                }
                details.append(text)
            }
            if let pressure = current.pressure {
                details.append(
                    "\(labels.pressure) \(NumberText.fixed(state.units.pressure(pressure), state.units == .metric ? 0 : 2)) \(state.units.pressureSymbol)"
                )
            }
            if let precipitation = current.precipitation {
                details.append(
                    "\(labels.precipitation) \(NumberText.fixed(state.units.precipitation(precipitation), state.units == .metric ? 1 : 2)) \(state.units.precipitationSymbol)"
                )
            }
            pane.wrap(details, separator: "   ", into: &screen)
        }

        let hours = Array(forecast.hourly.prefix(24))
        if hours.count >= 2, pane.remaining >= 4 {
            pane.skip()
            drawChart(hours, forecast: forecast, pane: &pane)
        }
        if !forecast.daily.isEmpty, pane.remaining >= 2 {
            pane.skip()
            for day in forecast.daily where pane.remaining > 0 {
                let icon = day.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) } ?? " "
                let low = day.temperatureMin.map { NumberText.fixed(state.units.temperature($0), 0) + "°" } ?? "–"
                let high = day.temperatureMax.map { NumberText.fixed(state.units.temperature($0), 0) + "°" } ?? "–"
                var text = "\(labels.weekdays[day.date.weekday]) \(CivilTime.pad(day.date.day, 2))  \(icon)  "
                text += DisplayWidth.pad(low, to: 4) + " " + DisplayWidth.pad(high, to: 4)
                if let code = day.weatherCode { text += " " + WeatherCode(code).description(in: state.language) }
                pane.line(text, into: &screen)
            }
        }
    }

    /// A kept record as it was kept (`KeptRecordText`, as `meteo show` prints it), under a title that says so.
    /// A small pane keeps the mark, the place and the temperature first.
    mutating func drawRecord(_ record: WeatherRecord, pane: inout Pane) {
        pane.title("Kept record", focused: state.focus == .result, glyphs: glyphs, into: &screen)
        var lines = KeptRecordText.lines(
            record, units: state.units, language: state.language, ascii: state.ascii,
            placeOffset: state.history.placeOffsets[record.id],
            localOffset: state.history.localOffsets[record.id] ?? state.localOffset)
        func rows(_ line: KeptRecordText.Line) -> Int { pane.rows(line.parts, separator: "   ") }
        while lines.reduce(0, { $0 + rows($1) }) > pane.remaining, let worst = lines.map(\.rank).max(), worst > 0 {
            lines.removeAll { $0.rank == worst }
        }
        for line in lines {
            let style: Style =
                switch line.role {
                case .mark: .warning
                case .title: .title
                case .accent: .accent
                case .normal: .normal
                case .muted: .muted
                }
            pane.wrap(line.parts, separator: "   ", style: style, into: &screen)
        }
        if pane.remaining >= 2 {
            pane.skip()
            pane.line("f weather now · Esc back to the history", style: .muted, into: &screen)
        }
    }

    /// The next 24 hours: temperature as a bar chart, hour labels, and the chance of rain under it.
    mutating func drawChart(_ hours: [HourlyForecast], forecast: Forecast, pane: inout Pane) {
        let labelWidth = 6
        let columnWidth = max(1, min(3, (pane.rect.width - labelWidth) / hours.count))
        let temperatures = hours.compactMap(\.temperature).map(state.units.temperature)
        guard let low = temperatures.min(), let high = temperatures.max() else { return }
        let chartRows = min(3, max(1, pane.remaining - 4))
        pane.line(
            labels.nextHours + " (" + NumberText.fixed(low, 0) + "° … " + NumberText.fixed(high, 0) + "°)",
            style: .muted, into: &screen)
        let levels = glyphs.bars.count - 1
        for row in 0..<chartRows {
            guard let y = pane.nextRow() else { return }
            let rowFromBottom = chartRows - 1 - row
            if row == 0 { screen.put(NumberText.fixed(high, 0) + "°", x: pane.rect.x, y: y, style: .muted) }
            if row == chartRows - 1 { screen.put(NumberText.fixed(low, 0) + "°", x: pane.rect.x, y: y, style: .muted) }
            for (index, hour) in hours.enumerated() {
                guard let value = hour.temperature.map(state.units.temperature) else { continue }
                let fraction = high > low ? (value - low) / (high - low) : 0.5
                // Each row holds `levels` steps; the lowest reading still shows a sliver.
                let height = Int((fraction * Double(chartRows * levels - 1)).rounded()) + 1
                let level = max(0, min(levels, height - rowFromBottom * levels))
                guard level > 0 else { continue }
                let x = pane.rect.x + labelWidth + index * columnWidth
                screen.fill(
                    glyphs.bars[level], x: x, y: y, count: max(1, columnWidth - (columnWidth > 1 ? 1 : 0)),
                    style: .accent)
            }
        }
        if let y = pane.nextRow() {
            for (index, hour) in hours.enumerated() where index % max(1, 6 / columnWidth) == 0 {
                let parts = CivilTime.components(of: hour.time, utcOffsetSeconds: forecast.utcOffsetSeconds)
                screen.put(
                    CivilTime.pad(parts.hour, 2) + "h", x: pane.rect.x + labelWidth + index * columnWidth, y: y,
                    style: .muted)
            }
        }
        if let y = pane.nextRow() {
            screen.put(state.language == .french ? "pluie" : "rain", x: pane.rect.x, y: y, style: .muted)
            for (index, hour) in hours.enumerated() {
                guard let chance = hour.precipitationProbability else { continue }
                let shade = glyphs.shades[
                    min(glyphs.shades.count - 1, Int(chance / 100 * Double(glyphs.shades.count - 1) + 0.5))]
                let x = pane.rect.x + labelWidth + index * columnWidth
                screen.fill(
                    shade, x: x, y: y, count: max(1, columnWidth - (columnWidth > 1 ? 1 : 0)),
                    style: chance >= 50 ? .accent : .muted)
            }
            if let most = hours.compactMap(\.precipitationProbability).max() {
                let end = pane.rect.x + labelWidth + hours.count * columnWidth
                if end + 8 <= pane.rect.x + pane.rect.width {
                    screen.put(" max " + NumberText.fixed(most, 0) + "%", x: end, y: y, style: .muted)
                }
            }
        }
    }

    // MARK: - History

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
            let temperature = record.temperature.map { NumberText.fixed(state.units.temperature($0), 0) + "°" } ?? "–"
            // A record kept from an offline result is marked, and shows when it was observed (not kept).
            let icon =
                (record.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) } ?? " ")
                + (record.keptOffline ? (state.ascii ? "~" : "⌁") : "")
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

    // MARK: - Status and footer

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
        case .syncing: state.ascii ? "syncing" : "⟳ syncing"
        case .synced: state.ascii ? "synced" : "✓ synced"
        case .offline(let waiting) where waiting > 0: "offline (\(waiting) waiting)"
        case .offline: "offline"
        case .failed: state.ascii ? "sync error" : "✗ sync error"
        }
    }

    mutating func drawFooter() {
        let y = layout.footerRow
        var entries = state.keymap.footer(for: state.focus)
        func width(_ entry: (key: String, summary: String)) -> Int {
            DisplayWidth.of(entry.key) + DisplayWidth.of(entry.summary) + 3
        }
        // Help and quit always stay: what does not fit goes from the middle, before them.
        var kept = 0
        for entry in entries.reversed() where entry.summary == "help" || entry.summary == "quit" { kept += 1 }
        kept = min(kept, entries.count)
        while entries.count > kept, 1 + entries.reduce(0, { $0 + width($1) }) > state.size.width {
            entries.remove(at: entries.count - kept - 1)
        }
        var x = 1
        for entry in entries {
            guard x + width(entry) <= state.size.width else { break }
            x = screen.put(entry.key, x: x, y: y, style: .title)
            x = screen.put(" " + entry.summary + "  ", x: x, y: y, style: .muted)
        }
    }

    // MARK: - Overlays

    mutating func drawPickList(_ places: [Place], selected: Int) {
        let rows = places.enumerated().map { index, place -> String in
            var text = place.name
            if let admin1 = place.admin1, admin1 != place.name { text += ", " + admin1 }
            text += ", " + (place.country ?? place.countryCode ?? "?")
            if let population = place.population { text += "  (\(NumberText.grouped(population)))" }
            return text
        }
        drawBox(title: "Which one?", rows: rows, selected: selected, hint: "↑↓ choose · Enter show · Esc close")
    }

    mutating func drawHelp() {
        let rows = state.keymap.helpRows.map {
            DisplayWidth.pad($0.keys, to: 12) + DisplayWidth.pad($0.summary, to: 15) + $0.focuses
        }
        drawBox(title: "Keys", rows: rows, selected: nil, hint: "Esc or ? to close")
    }

    mutating func drawBox(title: String, rows: [String], selected: Int?, hint: String) {
        let width = min(state.size.width - 2, max(DisplayWidth.of(hint), rows.map(DisplayWidth.of).max() ?? 0) + 4)
        let height = min(state.size.height - 2, rows.count + 4)
        guard width >= 10, height >= 4 else { return }
        let x = (state.size.width - width) / 2
        let y = max(1, (state.size.height - height) / 2)
        let inner = width - 2
        screen.put(
            glyphs.topLeft
                + DisplayWidth.pad(glyphs.horizontal + " " + title + " ", to: inner).replacingSpaces(
                    with: glyphs.horizontal, after: DisplayWidth.of(title) + 3) + glyphs.topRight, x: x, y: y,
            style: .title)
        let visible = height - 4
        let first = max(0, min((selected ?? 0) - visible + 1, rows.count - visible))
        for offset in 0..<visible {
            let index = first + offset
            let text = index < rows.count ? " " + rows[index] : ""
            let style: Style = index == selected ? .selected : .normal
            screen.put(glyphs.vertical, x: x, y: y + 1 + offset, style: .title)
            screen.put(DisplayWidth.pad(text, to: inner), x: x + 1, y: y + 1 + offset, style: style, width: inner)
            screen.put(glyphs.vertical, x: x + width - 1, y: y + 1 + offset, style: .title)
        }
        let hintRow = y + height - 3
        screen.put(glyphs.vertical, x: x, y: hintRow, style: .title)
        screen.fill(" ", x: x + 1, y: hintRow, count: inner)
        screen.put(glyphs.vertical, x: x + width - 1, y: hintRow, style: .title)
        screen.put(glyphs.vertical, x: x, y: hintRow + 1, style: .title)
        screen.put(DisplayWidth.pad(" " + hint, to: inner), x: x + 1, y: hintRow + 1, style: .muted, width: inner)
        screen.put(glyphs.vertical, x: x + width - 1, y: hintRow + 1, style: .title)
        screen.put(
            glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: x,
            y: hintRow + 2, style: .title)
    }

    // MARK: - Text

    func temperatureText(_ celsius: Double) -> String {
        NumberText.fixed(state.units.temperature(celsius), 1) + state.units.temperatureSymbol
    }

    func localClock(_ date: Date, offset: Int) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: offset)
        return CivilTime.pad(parts.hour, 2) + ":" + CivilTime.pad(parts.minute, 2)
    }
}

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
        prompt: "❯", bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], shades: [" ", "░", "▒", "▓", "█"],
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])

    static let ascii = Glyphs(
        vertical: "|", horizontal: "-", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", focus: ">",
        prompt: ">", bars: [" ", ".", ":", "-", "=", "+", "*", "#", "@"], shades: [" ", ".", ":", "*", "#"],
        spinner: ["|", "/", "-", "\\"])
}

extension AppState {
    /// "27 Nov 14:15" in this machine's time zone (at `offset` when it differed then).
    func clockDate(_ date: Date, offset: Int? = nil) -> String {
        let parts = CivilTime.components(of: date, utcOffsetSeconds: offset ?? localOffset)
        return CivilTime.pad(parts.day, 2) + " " + KeptRecordText.months[parts.month - 1] + " "
            + CivilTime.pad(parts.hour, 2) + ":"
            + CivilTime.pad(parts.minute, 2)
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
