/// JSON text built a token at a time, with the one set of rules for what JSON meteo writes: strings escape
/// controls, DEL, C1 and bidirectional overrides as `\u` sequences (valid JSON that cannot act on a terminal),
/// whole numbers below 2^53 have no fraction, others take Swift's shortest round-trip form. `JSONWriter` and the
/// wire types' hand-written encodings both write through it.
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `value` quoted and escaped, or `null`.
    public mutating func string(_ value: String?) {
        guard let value else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in value.utf8 { ascii(byte) }
        } else {
            for scalar in value.unicodeScalars {
                if scalar.isASCII {
                    ascii(UInt8(scalar.value))
                } else if TerminalText.isUnsafe(scalar) {
                    escape(scalar.value)
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func bool(_ value: Bool?) {
        guard let value else { return raw("null") }
        raw(value ? "true" : "false")
    }

    /// `value` as a JSON number, or `null` (also for a value that is not finite).
    public mutating func number(_ value: Double?) {
        guard let value else { return raw("null") }
        raw(Self.numberText(value))
    }

    /// Whole numbers without a fraction ("71", not "71.0"); others in Swift's shortest round-trip form.
    public static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return String(Int(number)) }
        return String(number)
    }

    private mutating func ascii(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0..<0x20, 0x7F: escape(UInt32(byte))
        default: bytes.append(byte)
        }
    }

    private mutating func escape(_ value: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        raw("\\u")
        for shift in [12, 8, 4, 0] { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}
