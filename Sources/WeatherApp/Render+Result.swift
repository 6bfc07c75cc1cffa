import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The result pane: a forecast, or a kept record as it was kept.
extension Renderer {
    mutating func drawResult(in rect: Rect) {
        var pane = Pane(rect: rect)
        if let record = state.opened {
            drawRecord(record, pane: &pane)
            return
        }
        guard let result = state.result else {
            pane.title(labels.screen.weather, focused: state.focus == .result, glyphs: glyphs, into: &screen)
            // Wrapped to the pane, never cut: the first words a new user reads.
            for sentence in [labels.screen.typePlace, labels.screen.tabMoves] {
                let words = sentence.split(separator: " ").map(String.init)
                pane.wrap(words, separator: " ", style: .muted, into: &screen)
            }
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
                labels.say(
                    forecast.currentIsForecast == true ? .offlineForecast : .offlineResult,
                    ["when": stale.when(labels), "age": stale.age(labels)]), style: .warning, into: &screen)
        }

        if let current = forecast.current { drawCurrent(current, forecast: forecast, pane: &pane) }

        let hours = Array(forecast.hourly.prefix(24))
        if hours.count >= 2, pane.remaining >= 4 {
            pane.skip()
            drawChart(hours, forecast: forecast, pane: &pane)
        }
        if !forecast.daily.isEmpty, pane.remaining >= 2 {
            pane.skip()
            drawDaily(forecast.daily.filter(\.hasWeather), pane: &pane)
        }
    }

    /// A kept record as it was kept (`KeptRecordText`, as `meteo show` prints it), under a title that says so.
    /// A small pane keeps the mark, the place and the temperature first.
    mutating func drawRecord(_ record: WeatherRecord, pane: inout Pane) {
        pane.title(labels.screen.keptRecord, focused: state.focus == .result, glyphs: glyphs, into: &screen)
        var lines = KeptRecordText.lines(
            record, units: state.units, language: state.language, ascii: state.ascii,
            placeOffset: state.history.placeOffsets[record.id],
            localOffset: state.history.localOffsets[record.id] ?? state.localOffset)
        func rows(_ line: KeptRecordText.Line) -> Int { pane.rows(line.parts, separator: "   ") }
        // Fewer rows than the essentials take (a terminal near 20×6): the mark, the place and the temperature on
        // one line, so that what is shown still says it is kept, where, and how warm.
        let essentials = lines.filter { $0.rank == 0 }
        if essentials.reduce(0, { $0 + rows($1) }) > pane.remaining {
            let mark = state.ascii ? "#" : "▣"
            let icon = record.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) + " " } ?? ""
            let temperature = record.temperature.map(temperatureText) ?? "–"
            pane.line("\(mark) \(icon)\(temperature)  \(record.place.name)", style: .warning, into: &screen)
            return
        }
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
        if let trend = state.openedTrend, trend.count >= 2 { drawTrend(trend, pane: &pane) }
        if pane.remaining >= 2 {
            pane.skip()
            pane.line(labels.say(.recordKeys), style: .muted, into: &screen)
        }
    }

    /// Under a kept record, what the records at its place say: how it compares with the one before it, then,
    /// with room to spare, the chart of all of them and the warmest and coldest kept (the key hint keeps its row).
    mutating func drawTrend(_ trend: PlaceTrend, pane: inout Pane) {
        let text = TrendText(trend, units: state.units, language: state.language, localOffset: state.localOffset)
        // Two rows stay for the key hint below.
        let hint = 2
        guard pane.remaining >= hint + 3 else { return }
        pane.skip()
        pane.line(text.here, style: .title, into: &screen)
        if let comparison = text.comparison {
            // "3.5° warmer than your record before it" and "(3 days before)" go on rows of their own when narrow.
            let parts = comparison.split(separator: " (", maxSplits: 1).enumerated().map {
                $0 == 0 ? String($1) : "(" + $1
            }
            pane.wrap(parts, separator: " ", style: .normal, into: &screen)
        }
        let chart = text.chart(width: pane.rect.width - 2, rows: 3, bars: glyphs.bars, ascii: state.ascii)
        if !chart.isEmpty, pane.remaining >= chart.count + 2 + hint {
            for (index, line) in chart.enumerated() {
                pane.line(line, style: index == chart.count - 1 ? .muted : .accent, into: &screen)
            }
        }
        if pane.remaining >= 2 + hint { pane.wrap(text.extremeParts, separator: "   ", style: .muted, into: &screen) }
    }

    /// The next 24 hours: temperature as a bar chart, hour labels, and the chance of rain under it.
    mutating func drawChart(_ hours: [HourlyForecast], forecast: Forecast, pane: inout Pane) {
        let labelWidth = 6
        let columnWidth = max(1, min(3, (pane.rect.width - labelWidth) / hours.count))
        let temperatures = hours.compactMap(\.temperature).map(state.units.temperature)
        guard let low = temperatures.min(), let high = temperatures.max() else { return }
        let degree = state.units.degree(ascii: state.ascii)
        let chartRows = min(3, max(1, pane.remaining - 4))
        pane.line(
            labels.nextHours + " (" + labels.number(low, 0) + degree + " … " + labels.number(high, 0) + degree + ")",
            style: .muted, into: &screen)
        let grid = BarChart.levels(
            hours.map { $0.temperature.map(state.units.temperature) }, rows: chartRows, levels: glyphs.bars.count - 1)
        for (row, levels) in grid.enumerated() {
            guard let y = pane.nextRow() else { return }
            if row == 0 { screen.put(labels.number(high, 0) + degree, x: pane.rect.x, y: y, style: .muted) }
            if row == chartRows - 1 {
                screen.put(labels.number(low, 0) + degree, x: pane.rect.x, y: y, style: .muted)
            }
            for (index, level) in levels.enumerated() where level > 0 {
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
            screen.put(labels.say(.rain), x: pane.rect.x, y: y, style: .muted, width: labelWidth - 1)
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
                let text = " " + labels.say(.most, ["value": labels.percent(most)])
                if end + DisplayWidth.of(text) <= pane.rect.x + pane.rect.width {
                    screen.put(text, x: end, y: y, style: .muted)
                }
            }
        }
    }

    /// The current conditions: the sky, the temperature, then the details wrapped to the pane's width.
    mutating func drawCurrent(_ current: Conditions, forecast: Forecast, pane: inout Pane) {
        // Two rows or fewer (a terminal near 20×6): the icon and the temperature first, on one line, then the sky.
        if pane.remaining <= 2 {
            let weather = current.weatherCode.map(WeatherCode.init)
            var line =
                (weather.map { $0.icon(ascii: state.ascii) + " " } ?? "")
                + (current.temperature.map(temperatureText) ?? "–")
            if let weather { line += "  " + weather.description(in: state.language) }
            pane.line(line, style: .accent, into: &screen)
            return
        }
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
        // Rain soon comes before the details: when rows are short, whether to take an umbrella matters more than
        // the pressure. The sun and the UV come only when the chart below still has its rows.
        let outlook = Outlook(forecast, now: state.now)
        if let rain = outlook.rainText(labels) {
            // The umbrella only when rain is coming: beside "no rain" it would read as the opposite.
            let coming = outlook.rain?.state != RainSoon.State.none
            let icon = coming ? WeatherCode(63).icon(ascii: state.ascii) + " " : ""
            pane.line(icon + rain, style: outlook.rainsNow ? .warning : coming ? .normal : .muted, into: &screen)
        }
        let details = DetailsText.items(
            humidity: current.humidity, windSpeed: current.windSpeed, windDirection: current.windDirection,
            pressure: current.pressure, precipitation: current.precipitation, units: state.units,
            language: state.language)
        pane.wrap(details, separator: "   ", into: &screen)
        let parts = outlook.compactParts(labels)
        if !parts.isEmpty, pane.remaining >= 9 { pane.wrap(parts, separator: "   ", style: .muted, into: &screen) }
    }

    /// One line a day while rows remain.
    mutating func drawDaily(_ days: [DailyForecast], pane: inout Pane) {
        for day in days where pane.remaining > 0 {
            let icon = day.weatherCode.map { WeatherCode($0).icon(ascii: state.ascii) } ?? " "
            let low = day.temperatureMin.map { measures.shortTemperature($0, ascii: state.ascii) } ?? "–"
            let high = day.temperatureMax.map { measures.shortTemperature($0, ascii: state.ascii) } ?? "–"
            let weekdayWidth = labels.weekdays.map(DisplayWidth.of).max() ?? 3
            let weekday = DisplayWidth.pad(labels.weekdays[day.date.weekday], to: weekdayWidth)
            var text = "\(weekday) \(CivilTime.pad(day.date.day, 2))  \(icon)  "
            text += DisplayWidth.pad(low, to: 4) + " " + DisplayWidth.pad(high, to: 4)
            if let code = day.weatherCode { text += " " + WeatherCode(code).description(in: state.language) }
            pane.line(text, into: &screen)
        }
    }
}
