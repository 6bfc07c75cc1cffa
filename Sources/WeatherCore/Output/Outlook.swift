public import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What the next hours and today hold beyond the temperature: rain soon, the sun, the UV index. The text report,
/// the JSON, the one-line format and the screen all read it from here.
public struct Outlook: Sendable {
    public let rain: RainSoon?
    /// Today at the place, when the provider sent its sun or its UV.
    public let sunrise, sunset: Date?
    public let daylightSeconds: Double?
    public let uvNow, uvMax: Double?
    public let air: AirQuality?
    let offset: Int

    public init(_ forecast: Forecast, now: Date) {
        let present = forecast.current?.time ?? now
        rain = RainSoon.from(forecast, now: present)
        offset = forecast.utcOffsetSeconds
        let today = forecast.daily.first { $0.date == LocalDate(present, utcOffsetSeconds: forecast.utcOffsetSeconds) }
        sunrise = today?.sunrise
        sunset = today?.sunset
        daylightSeconds = today?.daylightSeconds
        uvMax = today?.uvIndexMax
        uvNow = forecast.current?.uvIndex ?? forecast.hourly.first { $0.time > present }?.uvIndex
        air = forecast.airQuality
    }

    /// "European AQI 23 (fair), US AQI 41 (good); PM2.5 8, PM10 14, O₃ 52, NO₂ 12 µg/m³".
    public func airText(_ labels: Labels) -> String? {
        guard let air, !air.isEmpty else { return nil }
        var indexes: [String] = []
        if let index = air.europeanAQI {
            indexes.append(
                labels.say(
                    .europeanAQI,
                    ["index": labels.number(index, 0), "category": AQICategory.european(index).name(labels)]))
        }
        if let index = air.usAQI {
            indexes.append(
                labels.say(.usAQI, ["index": labels.number(index, 0), "category": AQICategory.us(index).name(labels)]))
        }
        if let index = air.owmIndex {
            indexes.append(
                labels.say(.owmAQI, ["index": String(index), "category": AQICategory.owm(index).name(labels)]))
        }
        let amount: (Double?) -> String = { $0.map { labels.number($0, 0) } ?? "–" }
        let pollutants = labels.say(
            .pollutants,
            [
                "pm25": amount(air.pm25), "pm10": amount(air.pm10), "o3": amount(air.ozone),
                "no2": amount(air.nitrogenDioxide),
            ])
        return indexes.isEmpty ? pollutants : indexes.joined(separator: ", ") + "; " + pollutants
    }

    /// "AQI 23 (fair)": the headline index for the screen and `{aqi}`.
    public func airHeadline(_ labels: Labels) -> String? {
        guard let headline = air?.headline else { return nil }
        return "AQI " + labels.number(headline.index, 0) + " (" + headline.category.name(labels) + ")"
    }

    public var hasSun: Bool { sunrise != nil || sunset != nil }

    /// The rain phrase, when there is something to tell.
    public func rainText(_ labels: Labels) -> String? { rain?.text(labels, offset: offset) }

    /// "↑ 08:12  ↓ 16:58  8 h 46 min of daylight (the place's time)".
    public func sunText(_ labels: Labels) -> String? {
        guard hasSun else { return nil }
        let times = labels.say(
            .sunTimes, ["sunrise": sunrise.map(clock) ?? "–", "sunset": sunset.map(clock) ?? "–"])
        guard let daylightSeconds else { return times }
        return labels.say(.sunPlaceTime, ["times": times, "daylight": Self.daylight(daylightSeconds, labels)])
    }

    /// "3 now (moderate), today up to 5 (moderate)".
    public func uvText(_ labels: Labels) -> String? {
        var parts: [String] = []
        if let uvNow {
            parts.append(
                labels.say(
                    .uvNow, ["index": labels.number(uvNow, 0), "category": UVCategory(index: uvNow).name(labels)])
            )
        }
        if let uvMax {
            parts.append(
                labels.say(
                    .uvToday, ["index": labels.number(uvMax, 0), "category": UVCategory(index: uvMax).name(labels)]))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The sun and the UV on one short line, for the screen: "↑ 08:12  ↓ 16:58   UV 1 (low)".
    public func compactLine(_ labels: Labels) -> String? {
        var parts: [String] = []
        if hasSun {
            parts.append(
                labels.say(.sunTimes, ["sunrise": sunrise.map(clock) ?? "–", "sunset": sunset.map(clock) ?? "–"]))
        }
        if let uv = uvNow ?? uvMax {
            parts.append(
                labels.say(.uvRow) + " " + labels.number(uv, 0) + " (" + UVCategory(index: uv).name(labels) + ")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "   ")
    }

    /// The screen's short line's parts: the sun, the UV, the air.
    public func compactParts(_ labels: Labels) -> [String] {
        (compactLine(labels).map { [$0] } ?? []) + (airHeadline(labels).map { [$0] } ?? [])
    }

    /// Whether it rains at the present hour.
    public var rainsNow: Bool { rain?.state == .now }

    /// The lines the text report adds under the current conditions: the rain phrase (a sentence of its own),
    /// then the sun and the UV as labelled rows.
    /// `airFailure` says why the air is missing when only its request failed.
    public func lines(_ labels: Labels, airFailure: String? = nil) -> [String] {
        var lines = rainText(labels).map { [$0] } ?? []
        var rows: [(String, String)] = []
        if let sun = sunText(labels) { rows.append((labels.say(.sunRow), sun)) }
        if let uv = uvText(labels) { rows.append((labels.say(.uvRow), uv)) }
        if let air = airText(labels) {
            rows.append((labels.say(.airRow), air))
        } else if let airFailure {
            rows.append((labels.say(.airRow), labels.say(.airUnavailable, ["reason": airFailure])))
        }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        lines += rows.map { DisplayWidth.pad($0.0, to: width + 2) + $0.1 }
        return lines
    }

    /// `rain_soon`, `sun`, `uv` and `air_quality` for the JSON report; `null` for what the provider did not send.
    public func json(_ labels: Labels) -> [String: JSONValue] {
        let time: (Date?) -> JSONValue = { [offset] in
            $0.map { .string(CivilTime.rfc3339($0, utcOffsetSeconds: offset)) } ?? .null
        }
        var result: [String: JSONValue] = [:]
        result["rain_soon"] =
            rain.map { rain in
                .object([
                    "state": .string(rain.state.rawValue), "from": time(rain.from), "until": time(rain.until),
                    "probability": rain.probability.map(JSONValue.number) ?? .null,
                    "horizon_hours": .number(Double(rain.horizonHours)),
                    "text": .string(rain.text(labels, offset: offset)),
                ])
            } ?? .null
        result["sun"] =
            hasSun
            ? .object([
                "sunrise": time(sunrise), "sunset": time(sunset),
                "daylight_seconds": daylightSeconds.map { .number($0.rounded()) } ?? .null,
            ]) : .null
        result["uv"] =
            uvNow == nil && uvMax == nil
            ? .null
            : .object([
                "now": uvNow.map { .number(NumberText.rounded($0, 1)) } ?? .null,
                "now_category": uvNow.map { .string(UVCategory(index: $0).rawValue) } ?? .null,
                "max": uvMax.map { .number(NumberText.rounded($0, 1)) } ?? .null,
                "max_category": uvMax.map { .string(UVCategory(index: $0).rawValue) } ?? .null,
            ])
        let number: (Double?) -> JSONValue = { $0.map { .number(NumberText.rounded($0, 1)) } ?? .null }
        result["air_quality"] =
            air.map { air in
                .object([
                    "time": time(air.time),
                    "european_aqi": number(air.europeanAQI),
                    "european_category": air.europeanAQI.map { .string(AQICategory.european($0).rawValue) } ?? .null,
                    "us_aqi": number(air.usAQI),
                    "us_category": air.usAQI.map { .string(AQICategory.us($0).rawValue) } ?? .null,
                    "owm_index": air.owmIndex.map { .number(Double($0)) } ?? .null,
                    "owm_category": air.owmIndex.map { .string(AQICategory.owm($0).rawValue) } ?? .null,
                    "pm2_5": number(air.pm25), "pm10": number(air.pm10), "ozone": number(air.ozone),
                    "nitrogen_dioxide": number(air.nitrogenDioxide),
                ])
            } ?? .null
        return result
    }

    private func clock(_ date: Date) -> String { CivilTime.clock(date, utcOffsetSeconds: offset) }

    static func daylight(_ seconds: Double, _ labels: Labels) -> String {
        let minutes = Int((seconds / 60).rounded())
        return labels.say(.daylight, ["h": String(minutes / 60), "m": String(minutes % 60)])
    }
}
