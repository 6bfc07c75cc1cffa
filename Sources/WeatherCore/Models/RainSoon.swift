#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Will it rain in the next hours: read from the hourly precipitation and its probability, and from the quarter
/// hours where the provider sends them (finer, so they decide while they last).
public struct RainSoon: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Raining now; `until` is when it stops, `nil` when it lasts the whole horizon.
        case now
        /// Dry now; rain from `from`.
        case later
        /// No rain within the horizon.
        case none
    }

    public var state: State
    public var from: Date?
    public var until: Date?
    /// The chance of the first wet hour (%), when the provider sends one.
    public var probability: Double?
    public var horizonHours: Int

    /// How far ahead it looks.
    public static let horizonHours = 12
    /// Millimetres in an hour under which drizzle is not called rain (the WMO's "trace").
    public static let wetHour = 0.1
    /// The chance from which an hour without an amount counts as wet.
    public static let likelyChance = 50.0

    /// What `forecast` says about rain from `now`; `nil` when it sends nothing to tell (no hour after now with an
    /// amount or a chance).
    public static func from(_ forecast: Forecast, now: Date) -> RainSoon? {
        let horizon = now.addingTimeInterval(Double(horizonHours) * 3600)
        // Each value covers the period that ends at its time: an hour, or a quarter hour.
        var periods: [(start: Date, end: Date, wet: Bool, chance: Double?)] = []
        let quarters = (forecast.quarterHours ?? []).filter { $0.time > now && $0.precipitation != nil }
        for quarter in quarters where quarter.time.addingTimeInterval(-900) < horizon {
            guard let amount = quarter.precipitation else { continue }
            periods.append((quarter.time.addingTimeInterval(-900), quarter.time, amount >= wetHour, nil))
        }
        let finestEnd = periods.last?.end ?? now
        for hour in forecast.hourly where hour.time > finestEnd && hour.time.addingTimeInterval(-3600) < horizon {
            guard let wet = isWet(hour) else { continue }
            periods.append(
                (max(hour.time.addingTimeInterval(-3600), finestEnd), hour.time, wet, hour.precipitationProbability))
        }
        guard let first = periods.first, first.start <= now.addingTimeInterval(3600), let last = periods.last else {
            return nil
        }
        // A claim reaches no further than the data: five hours of forecast say nothing of the sixth.
        let covered = min(horizonHours, Int(max(0, last.end.timeIntervalSince(now)) / 3600))
        if first.wet && first.start <= now {
            let dry = periods.first { !$0.wet }
            return RainSoon(state: .now, from: nil, until: dry?.start, probability: first.chance, horizonHours: covered)
        }
        guard let wet = periods.first(where: \.wet) else {
            guard covered >= 1 else { return nil }
            return RainSoon(state: .none, from: nil, until: nil, probability: nil, horizonHours: covered)
        }
        // The chance is the hour's: a quarter hour has none of its own.
        let chance = wet.chance ?? forecast.hourly.first { $0.time >= wet.end }?.precipitationProbability
        return RainSoon(state: .later, from: wet.start, until: nil, probability: chance, horizonHours: covered)
    }

    /// Whether an hour brings rain: an amount of at least a trace, unless its chance is low; or, without an
    /// amount, a likely chance. `nil` when it sends neither.
    static func isWet(_ hour: HourlyForecast) -> Bool? {
        switch (hour.precipitation, hour.precipitationProbability) {
        case (let amount?, let chance?): amount >= wetHour && chance >= 20
        case (let amount?, nil): amount >= wetHour
        case (nil, let chance?): chance >= likelyChance
        case (nil, nil): nil
        }
    }

    /// "Rain from 15:00 (70 %)", "Rain now, until about 17:00", "No rain in the next 12 h", with times at `offset`.
    public func text(_ labels: Labels, offset: Int) -> String {
        switch state {
        case .now:
            guard let until else { return labels.say(.rainNowLasting, ["hours": String(horizonHours)]) }
            return labels.say(.rainNow, ["time": CivilTime.clock(until, utcOffsetSeconds: offset)])
        case .later:
            let time = from.map { CivilTime.clock($0, utcOffsetSeconds: offset) } ?? "–"
            guard let probability else { return labels.say(.rainFrom, ["time": time]) }
            return labels.say(.rainFromChance, ["time": time, "chance": labels.percent(probability)])
        case .none:
            return labels.say(.noRain, ["hours": String(horizonHours)])
        }
    }
}

/// The UV index in WHO's words.
public enum UVCategory: String, Sendable, CaseIterable {
    case low, moderate, high
    case veryHigh = "very_high"
    case extreme

    /// WHO's bands: 0–2 low, 3–5 moderate, 6–7 high, 8–10 very high, 11 and more extreme (rounded as read).
    public init(index: Double) {
        switch index.rounded() {
        case ..<3: self = .low
        case ..<6: self = .moderate
        case ..<8: self = .high
        case ..<11: self = .veryHigh
        default: self = .extreme
        }
    }

    public func name(_ labels: Labels) -> String {
        switch self {
        case .low: labels.say(.uvLow)
        case .moderate: labels.say(.uvModerate)
        case .high: labels.say(.uvHigh)
        case .veryHigh: labels.say(.uvVeryHigh)
        case .extreme: labels.say(.uvExtreme)
        }
    }
}
