#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A line in the user's own words for status bars, as wttr.in's `format`: `{icon} {temperature} {rain_soon}`.
/// `{{` and `}}` write a brace; a value the provider did not send is `–`.
public struct LineFormat: Sendable, Equatable {
    /// One piece of the line: text as written, or a value.
    enum Piece: Sendable, Equatable {
        case text(String)
        case value(Placeholder)
    }

    /// The values a format may name.
    public enum Placeholder: String, Sendable, CaseIterable {
        case place, icon, description, temperature
        case feelsLike = "feels_like"
        case humidity, wind, pressure, precipitation
        case rainSoon = "rain_soon"
        case sunrise, sunset, daylight, uv
        case uvMax = "uv_max"
        case aqi
        case airQuality = "air_quality"
        case time
    }

    /// Why a format cannot be used.
    public enum Problem: Error, Equatable {
        case unknown(String)
        case unclosed
    }

    let pieces: [Piece]

    /// Whether `text` is a template rather than a named format (`plain`, `oneline`, `json`).
    public static func isTemplate(_ text: String) -> Bool { text.contains("{") || text.contains("}") }

    public init(_ template: String) throws(Problem) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "{" where rest.first == "{", "}" where rest.first == "}":
                text.append(character)
                rest = rest.dropFirst()
            case "{":
                guard let close = rest.firstIndex(of: "}") else { throw .unclosed }
                let name = String(rest[..<close])
                guard let placeholder = Placeholder(rawValue: name) else {
                    throw .unknown(String(name.prefix(40)))
                }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.value(placeholder))
                rest = rest[rest.index(after: close)...]
            default:
                text.append(character)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    /// The line for `forecast`, values in `units` and words in `language`.
    public func render(_ forecast: Forecast, units: Units, language: Language, ascii: Bool, now: Date) -> String {
        let measures = Measures(units: units, language: language)
        let labels = measures.labels
        let outlook = Outlook(forecast, now: now)
        let current = forecast.current
        let code = current?.weatherCode.map(WeatherCode.init)
        var line = ""
        for piece in pieces {
            switch piece {
            case .text(let text): line += text
            case .value(let placeholder):
                let value: String? =
                    switch placeholder {
                    case .place: forecast.place.name
                    case .icon: code?.icon(ascii: ascii)
                    case .description: code?.description(in: language)
                    case .temperature: current?.temperature.map(measures.temperature)
                    case .feelsLike: current?.apparentTemperature.map(measures.temperature)
                    case .humidity: current?.humidity.map(labels.percent)
                    case .wind:
                        current?.windSpeed.map {
                            measures.speed($0)
                                + (current?.windDirection.map { " " + Compass.point($0, language: language) } ?? "")
                        }
                    case .pressure: current?.pressure.map(measures.pressure)
                    case .precipitation: current?.precipitation.map(measures.precipitation)
                    case .rainSoon: outlook.rainText(labels)
                    case .sunrise:
                        outlook.sunrise.map { CivilTime.clock($0, utcOffsetSeconds: forecast.utcOffsetSeconds) }
                    case .sunset:
                        outlook.sunset.map { CivilTime.clock($0, utcOffsetSeconds: forecast.utcOffsetSeconds) }
                    case .daylight: outlook.daylightSeconds.map { Outlook.daylight($0, labels) }
                    case .uv: outlook.uvNow.map { labels.number($0, 0) }
                    case .uvMax: outlook.uvMax.map { labels.number($0, 0) }
                    case .aqi: outlook.air?.headline.map { labels.number($0.index, 0) }
                    case .airQuality: outlook.air?.headline.map { $0.category.name(labels) }
                    case .time: current.map { CivilTime.clock($0.time, utcOffsetSeconds: forecast.utcOffsetSeconds) }
                    }
                line += value ?? "–"
            }
        }
        return line
    }
}
