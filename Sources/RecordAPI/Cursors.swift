import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A position in a user's stream of changes: (writing transaction id, sequence number).
///
/// Why not a plain sequence: two transactions can take sequence numbers 4 and 5 and commit 5 first; a reader
/// that saw 5 and moved its cursor past it would never see 4. Here a pull only returns changes written by
/// transactions older than the oldest one still running (`pg_snapshot_xmin`), so every change below the horizon is
/// final and the cursor can never pass one that has yet to commit. A slow transaction delays changes behind it;
/// it never hides them.
public struct ChangeCursor: Sendable, Equatable, Comparable {
    public var transaction: Int64
    public var sequence: Int64

    public static let start = ChangeCursor(transaction: 0, sequence: 0)

    public init(transaction: Int64, sequence: Int64) {
        self.transaction = transaction
        self.sequence = sequence
    }

    public var text: String { OpaqueText.encode("c1.\(transaction).\(sequence)") }

    /// Reads what `text` wrote; `nil` for anything else.
    public init?(text: String) {
        guard let raw = OpaqueText.decode(text) else { return nil }
        let parts = raw.split(separator: ".")
        guard parts.count == 3, parts[0] == "c1", let transaction = Int64(parts[1]), let sequence = Int64(parts[2]),
            transaction >= 0, sequence >= 0
        else { return nil }
        self.init(transaction: transaction, sequence: sequence)
    }

    public static func < (lhs: ChangeCursor, rhs: ChangeCursor) -> Bool {
        (lhs.transaction, lhs.sequence) < (rhs.transaction, rhs.sequence)
    }
}

/// Where a page ended: the last record's time and id, sent to clients as an opaque string.
public struct PageCursor: Sendable, Equatable {
    public var recordedAt: Date
    public var id: UUID

    /// "<microseconds since 1970>.<uuid>", base64url so that clients treat it as opaque.
    public var text: String {
        OpaqueText.encode(
            "\(Int64((recordedAt.timeIntervalSince1970 * 1_000_000).rounded())).\(id.uuidString.lowercased())")
    }

    public init(recordedAt: Date, id: UUID) {
        self.recordedAt = recordedAt
        self.id = id
    }

    /// Reads what `text` wrote; `nil` for anything else.
    public init?(text: String) {
        guard let raw = OpaqueText.decode(text) else { return nil }
        let parts = raw.split(separator: ".", maxSplits: 1)
        // A crafted time must be refused here: a Date far outside PostgreSQL's range traps while it is encoded.
        guard parts.count == 2, let micros = Int64(parts[0]), Self.microseconds.contains(micros),
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        self.init(recordedAt: Date(timeIntervalSince1970: Double(micros) / 1_000_000), id: id)
    }
}

extension PageCursor {
    /// The times a cursor may hold: years 1…9999, as RFC 3339 writes them.
    public static let microseconds = (UnixTime.earliest.seconds * 1_000_000)...(UnixTime.latest.seconds * 1_000_000)
}

/// Cursors travel as unpadded base64url text so that clients treat them as opaque.
///
/// Byte arithmetic rather than Foundation's base64 and `replacingOccurrences`, which cost a few percent of
/// every list request.
public enum OpaqueText {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0...chunk.count { out.append(alphabet[Int(value >> (18 - 6 * position) & 63)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> String? {
        let digits = Array(text.utf8)
        guard digits.count <= 128, digits.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        var value: UInt32 = 0
        var bits = 0
        for digit in digits {
            guard let sextet = Self.value(of: digit) else { return nil }
            value = value << 6 | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero, so that each cursor has exactly one spelling.
        guard value & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): digit - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
