import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// RFC 3339 times on the wire as `Date`s: the one parser and writer of `TextFormats.RFC3339`.
public enum Timestamp {
    /// Parses an RFC 3339 time (see `RFC3339.parse` for exactly what is accepted).
    public static func parse(_ text: String) -> Date? {
        RFC3339.parse(text).map { Date(timeIntervalSince1970: $0.secondsSince1970) }
    }

    /// UTC, milliseconds when there are any: "2026-11-27T13:04:12Z", "2026-11-27T13:04:12.250Z".
    public static func format(_ date: Date) -> String {
        RFC3339.formatMilliseconds(secondsSince1970: date.timeIntervalSince1970)
    }
}
