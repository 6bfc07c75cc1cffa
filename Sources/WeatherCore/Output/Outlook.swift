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

    /// Whether it rains at the present hour.
    public var rainsNow: Bool { rain?.state == .now }

    /// The lines the text report adds under the current conditions: the rain phrase (a sentence of its own),
    /// then the sun and the UV as labelled rows.
    public func lines(_ labels: Labels) -> [String] {
        var lines = rainText(labels).map { [$0] } ?? []
        var rows: [(String, String)] = []
        if let sun = sunText(labels) { rows.append((labels.say(.sunRow), sun)) }
        if let uv = uvText(labels) { rows.append((labels.say(.uvRow), uv)) }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        lines += rows.map { DisplayWidth.pad($0.0, to: width + 2) + $0.1 }
        return lines
    }

    /// `rain_soon`, `sun` and `uv` for the JSON report; `null` for what the provider did not send.
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
        return result
    }

    private func clock(_ date: Date) -> String { RainSoon.clock(date, offset: offset) }

    static func daylight(_ seconds: Double, _ labels: Labels) -> String {
        let minutes = Int((seconds / 60).rounded())
        return labels.say(.daylight, ["h": String(minutes / 60), "m": String(minutes % 60)])
    }
}
