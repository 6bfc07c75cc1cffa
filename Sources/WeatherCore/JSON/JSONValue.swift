public import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The lenient reading of provider answers: providers leave fields out, send `null`, send numbers as strings;
/// each of those becomes `nil` for one field instead of a failure for the whole answer.
extension JSONValue {
    /// Parses `data`; `nil` when it is not exactly one JSON value.
    public static func parse(_ data: Data) -> JSONValue? {
        parse(bytes: Array(data))
    }

    /// A finite number, also when sent as a numeric string.
    public var double: Double? {
        switch self {
        case .number(let value): value.isFinite ? value : nil
        case .string(let text): Double(text.trimmedWhitespace()).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// A whole number, also when sent as `"404"` or `404.0`.
    public var int: Int? {
        guard let value = double, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// A time sent as seconds since 1970, when it lies in years 1…9999 (any other number would trap later).
    public var unixTime: Date? {
        double.flatMap { UnixTime(secondsSince1970: $0) }.map { Date(timeIntervalSince1970: $0.secondsSince1970) }
    }

    /// A string that is not empty once trimmed.
    public var nonEmptyString: String? {
        guard let text = string?.trimmedWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// A name from a provider (a place, a region, a zone): controls and bidirectional characters removed, at
    /// most 200 code points, not empty once trimmed. A record may hold no more, and a terminal should see no less.
    public var name: String? {
        guard let text = string else { return nil }
        var cleaned = TerminalText.removingUnsafe(text).trimmedWhitespace()
        if cleaned.unicodeScalars.count > 200 {
            var cut = ""
            cut.unicodeScalars.append(contentsOf: cleaned.unicodeScalars.prefix(200))
            cleaned = cut.trimmedWhitespace()
        }
        return cleaned.isEmpty ? nil : cleaned
    }

    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let value): value == 0 ? false : value == 1 ? true : nil
        default: nil
        }
    }
}
