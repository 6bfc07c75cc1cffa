#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The air at a place now: the indexes the provider computes and the pollutants behind them (µg/m³), `nil` for
/// what it did not send.
public struct AirQuality: Sendable, Hashable, Codable {
    public var time: Date?
    /// The European Environment Agency's index (0 and up; over 100 is extremely poor).
    public var europeanAQI: Double?
    /// The US EPA's index (0–500).
    public var usAQI: Double?
    /// OpenWeatherMap's own index: 1 (good) … 5 (very poor).
    public var owmIndex: Int?
    public var pm25: Double?
    public var pm10: Double?
    public var ozone: Double?
    public var nitrogenDioxide: Double?

    public init(
        time: Date? = nil, europeanAQI: Double? = nil, usAQI: Double? = nil, owmIndex: Int? = nil,
        pm25: Double? = nil, pm10: Double? = nil, ozone: Double? = nil, nitrogenDioxide: Double? = nil
    ) {
        self.time = time
        self.europeanAQI = europeanAQI
        self.usAQI = usAQI
        self.owmIndex = owmIndex
        self.pm25 = pm25
        self.pm10 = pm10
        self.ozone = ozone
        self.nitrogenDioxide = nitrogenDioxide
    }

    /// Whether it holds anything to show.
    public var isEmpty: Bool {
        europeanAQI == nil && usAQI == nil && owmIndex == nil && pm25 == nil && pm10 == nil && ozone == nil
            && nitrogenDioxide == nil
    }

    /// The one number a status line shows: the European index, else the US one, else OpenWeatherMap's.
    public var headline: (index: Double, category: AQICategory)? {
        if let europeanAQI { return (europeanAQI, .european(europeanAQI)) }
        if let usAQI { return (usAQI, .us(usAQI)) }
        if let owmIndex { return (Double(owmIndex), .owm(owmIndex)) }
        return nil
    }

    /// A concentration as read, when it is one (0 to 10,000 µg/m³: the worst smog on record is under 2,000).
    static func concentration(_ value: Double?) -> Double? {
        value.flatMap { (0...10_000).contains($0) ? $0 : nil }
    }

    /// An index as read, when it is one (0 to 1,000).
    static func index(_ value: Double?) -> Double? {
        value.flatMap { (0...1_000).contains($0) ? $0 : nil }
    }
}

/// What an air-quality index means, in the bands of the agency that defines it.
public enum AQICategory: String, Sendable, Hashable, CaseIterable {
    case good, fair, moderate, poor
    case veryPoor = "very_poor"
    case extremelyPoor = "extremely_poor"
    case unhealthyForSensitiveGroups = "unhealthy_for_sensitive_groups"
    case unhealthy
    case veryUnhealthy = "very_unhealthy"
    case hazardous

    /// The EEA's bands: 0–20 good, 20–40 fair, 40–60 moderate, 60–80 poor, 80–100 very poor, over 100 extremely
    /// poor.
    public static func european(_ index: Double) -> AQICategory {
        switch index {
        case ..<20: .good
        case ..<40: .fair
        case ..<60: .moderate
        case ..<80: .poor
        case ...100: .veryPoor
        default: .extremelyPoor
        }
    }

    /// The EPA's bands: 0–50 good, 51–100 moderate, 101–150 unhealthy for sensitive groups, 151–200 unhealthy,
    /// 201–300 very unhealthy, over 300 hazardous.
    public static func us(_ index: Double) -> AQICategory {
        switch index.rounded() {
        case ...50: .good
        case ...100: .moderate
        case ...150: .unhealthyForSensitiveGroups
        case ...200: .unhealthy
        case ...300: .veryUnhealthy
        default: .hazardous
        }
    }

    /// OpenWeatherMap's 1 … 5.
    public static func owm(_ index: Int) -> AQICategory {
        switch index {
        case ...1: .good
        case 2: .fair
        case 3: .moderate
        case 4: .poor
        default: .veryPoor
        }
    }

    public func name(_ labels: Labels) -> String {
        switch self {
        case .good: labels.say(.aqGood)
        case .fair: labels.say(.aqFair)
        case .moderate: labels.say(.aqModerate)
        case .poor: labels.say(.aqPoor)
        case .veryPoor: labels.say(.aqVeryPoor)
        case .extremelyPoor: labels.say(.aqExtremelyPoor)
        case .unhealthyForSensitiveGroups: labels.say(.aqSensitive)
        case .unhealthy: labels.say(.aqUnhealthy)
        case .veryUnhealthy: labels.say(.aqVeryUnhealthy)
        case .hazardous: labels.say(.aqHazardous)
        }
    }
}
