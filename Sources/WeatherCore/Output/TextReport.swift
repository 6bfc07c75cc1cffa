import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The human text of `meteo now`: a short block, or one line for status bars.
public struct TextReport: Sendable {
    public let forecast: Forecast
    public let units: Units
    public let language: Language
    public let ascii: Bool
    /// When set, the result came from the cache: when it was fetched, in the reader's zone.
    public let stale: StaleText?
    /// Why the air quality is missing, when only its request failed.
    public let airFailure: String?

    public init(
        forecast: Forecast, units: Units, language: Language, ascii: Bool, stale: StaleText? = nil,
        airFailure: String? = nil
    ) {
        self.forecast = forecast
        self.units = units
        self.language = language
        self.ascii = ascii
        self.stale = stale
        self.airFailure = airFailure
    }

    private var labels: Labels { .forLanguage(language) }
    private var measures: Measures { Measures(units: units, language: language) }
    private var offset: Int { forecast.utcOffsetSeconds }

    /// "Paris, Île-de-France, FR: ☁ 7.3°C Overcast, wind 12 km/h SW".
    public func oneLine() -> String {
        var parts: [String] = []
        if let current = forecast.current {
            var head = current.weatherCode.map { WeatherCode($0).icon(ascii: ascii) + " " } ?? ""
            head += current.temperature.map(temperatureText) ?? "–"
            if let code = current.weatherCode { head += " " + WeatherCode(code).description(in: language) }
            parts.append(head)
            if let wind = current.windSpeed {
                let direction = current.windDirection.map { " " + Compass.point($0, language: language) } ?? ""
                parts.append(labels.say(.windInLine, ["speed": speedText(wind) + direction]))
            }
        } else if let day = forecast.daily.first {
            parts.append(
                "\(day.temperatureMin.map(temperatureText) ?? "–")/\(day.temperatureMax.map(temperatureText) ?? "–")")
        }
        var line = "\(forecast.place.name): " + parts.joined(separator: ", ")
        // Whether rain is coming is what a status bar is glanced at for.
        if let rain = Outlook(forecast, now: forecast.fetchedAt).rainText(labels) { line += " · " + rain }
        if let stale { line += " (" + labels.say(.staleShort, ["age": stale.age(labels)]) + ")" }
        return line
    }

    /// The readable block: where and when, now, the next hours, the next days.
    public func plain() -> String {
        var lines: [String] = []
        let place = forecast.place
        var title = place.qualifiedName
        if let current = forecast.current {
            title += " · " + clock(current.time) + " (UTC" + CivilTime.offsetSuffix(offset).replacingZ() + ")"
        }
        lines.append(title)
        if let stale {
            lines.append(
                labels.say(
                    .staleLine,
                    ["provider": forecast.provider.displayName, "when": stale.when(labels), "age": stale.age(labels)]))
            if forecast.currentIsForecast == true { lines.append(labels.say(.nowIsForecast)) }
        }

        if let current = forecast.current { lines += currentLines(current) }
        let outlook = Outlook(forecast, now: forecast.fetchedAt).lines(labels, airFailure: airFailure)
        if !outlook.isEmpty { lines += [""] + outlook }
        lines += forecastLines()
        return lines.joined(separator: "\n")
    }

    /// The sky, then one aligned row per value the provider sent.
    private func currentLines(_ current: Conditions) -> [String] {
        var lines: [String] = []
        if let code = current.weatherCode {
            lines.append("\(WeatherCode(code).icon(ascii: ascii))  \(WeatherCode(code).description(in: language))")
        }
        var rows: [(String, String)] = []
        if let temperature = current.temperature {
            var text = temperatureText(temperature)
            if let feels = current.apparentTemperature {
                text += " (\(labels.feelsLike) \(temperatureText(feels)))"
            }
            rows.append((labels.temperature, text))
        }
        if let humidity = current.humidity { rows.append((labels.humidity, labels.percent(humidity))) }
        if let wind = current.windSpeed {
            var text = speedText(wind)
            if let direction = current.windDirection {
                text += " \(Compass.point(direction, language: language)) (\(labels.number(direction, 0))°)"
            }
            rows.append((labels.wind, text))
        }
        if let pressure = current.pressure {
            rows.append((labels.pressure, measures.pressure(pressure)))
        }
        if let precipitation = current.precipitation {
            rows.append((labels.precipitation, measures.precipitation(precipitation)))
        }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (label, value) in rows { lines.append(DisplayWidth.pad(label, to: width + 2) + value) }
        return lines
    }

    /// The next hours (every third) and the next days.
    private func forecastLines() -> [String] {
        var lines: [String] = []
        let hours = stride(from: 0, to: min(forecast.hourly.count, 24), by: 3).map { forecast.hourly[$0] }
        if !hours.isEmpty {
            lines.append("")
            lines.append(labels.nextHours)
            lines.append(
                hours.map { hour in
                    var text = hourText(hour.time) + " " + (hour.temperature.map(shortTemperature) ?? "–")
                    if let chance = hour.precipitationProbability { text += " " + labels.percent(chance) }
                    return text
                }.joined(separator: "  "))
        }
        let days = forecast.daily.filter(\.hasWeather)
        if !days.isEmpty {
            lines.append("")
            lines.append(labels.nextDays)
            for day in days {
                let icon = day.weatherCode.map { WeatherCode($0).icon(ascii: ascii) } ?? " "
                let low = day.temperatureMin.map(shortTemperature) ?? "–"
                let high = day.temperatureMax.map(shortTemperature) ?? "–"
                let weekday = DisplayWidth.pad(labels.weekdays[day.date.weekday], to: weekdayWidth)
                var text = "\(weekday) \(CivilTime.pad(day.date.day, 2))  \(icon) \(low) / \(high)"
                if let code = day.weatherCode { text += "  " + WeatherCode(code).description(in: language) }
                lines.append(text)
            }
        }
        return lines
    }

    private func temperatureText(_ celsius: Double) -> String { measures.temperature(celsius) }
    private func shortTemperature(_ celsius: Double) -> String { measures.shortTemperature(celsius, ascii: ascii) }
    private func speedText(_ kmh: Double) -> String { measures.speed(kmh) }
    private var weekdayWidth: Int { labels.weekdays.map(DisplayWidth.of).max() ?? 3 }
    private func clock(_ date: Date) -> String { CivilTime.clock(date, utcOffsetSeconds: offset) }
    private func hourText(_ date: Date) -> String {
        CivilTime.pad(CivilTime.components(of: date, utcOffsetSeconds: offset).hour, 2) + "h"
    }
}

extension String {
    fileprivate func replacingZ() -> String { self == "Z" ? "" : self }
}
