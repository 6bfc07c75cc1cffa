/// Fixed-point number text without Foundation's `String(format:)` (which needs ICU-free Foundation on Linux).
public enum NumberText {
    /// `value` rounded half away from zero to `digits` decimals: fixed(2.25, 1) == "2.3", fixed(-0.04, 1) == "0.0".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow10(digits)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let whole = Int(scaled)
        let negative = value < 0 && whole != 0
        var text = String(whole)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return negative ? "-" + text : text
    }

    /// A whole number with thousands separators: 2138551 → "2,138,551".
    public static func grouped(_ value: Int) -> String {
        var digits = Array(String(abs(value)))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return (value < 0 ? "-" : "") + String(digits)
    }

    /// `value` rounded to `digits` decimals, as a number (for JSON output).
    public static func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow10(digits)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    private static func pow10(_ digits: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(digits, 0) { result *= 10 }
        return result
    }
}

/// Compass points for a wind direction in degrees.
public enum Compass {
    /// The 16-point name of the direction the wind comes from, in `language`.
    public static func point(_ degrees: Double, language: Language) -> String {
        let normalized = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        let index = Int((normalized / 22.5).rounded()) % 16
        return Labels.forLanguage(language).compass[index]
    }
}
