import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A place's offset from UTC at an instant, from the system's time zone files (TZif, RFC 8536; no ICU).
///
/// A record names its place's zone (`Europe/Paris`) but not the offset it had; the files say, DST included.
/// The name comes from a provider or another device, so it is checked before it becomes a path.
public enum ZoneInfo {
    private static let cache = Mutex<[String: Table]>([:])

    /// The offset of `zone` at `date` in seconds; `nil` for an unknown or unusable zone.
    public static func offset(zone: String, at date: Date, root: String = "/usr/share/zoneinfo") -> Int? {
        guard isSafeName(zone) else { return nil }
        let path = root + "/" + zone
        let table: Table
        if let cached = cache.withLock({ $0[path] }) {
            table = cached
        } else {
            guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20,
                let parsed = Table(bytes: [UInt8](data))
            else { return nil }
            cache.withLock { $0[path] = parsed }
            table = parsed
        }
        let raw = date.timeIntervalSince1970
        guard raw.isFinite, abs(raw) < 1e15 else { return nil }
        return table.offset(at: Int64(raw.rounded(.down)))
    }

    /// `Area/Location` names only: letters, digits, `_`, `-`, `+` and `/`, no `..`, not absolute.
    static func isSafeName(_ zone: String) -> Bool {
        !zone.isEmpty && zone.utf8.count <= 64 && !zone.hasPrefix("/") && !zone.contains("..")
            && zone.utf8.allSatisfy { byte in
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "/")
            }
    }

    /// The transitions of one zone and the offset each one starts.
    struct Table: Sendable {
        var transitions: [Int64] = []
        var offsets: [Int] = []
        /// Before the first transition.
        var initial = 0

        /// Reads a TZif file (version 1, or the 64-bit block of version 2 and later); `nil` when malformed.
        init?(bytes: [UInt8]) {
            func u32(_ at: Int) -> Int? {
                guard at >= 0, at + 4 <= bytes.count else { return nil }
                return bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
            }
            func header(_ at: Int) -> (time: Int, type: Int, char: Int, leap: Int, std: Int, ut: Int)? {
                guard at + 44 <= bytes.count, bytes[at..<at + 4].elementsEqual("TZif".utf8),
                    let ut = u32(at + 20), let std = u32(at + 24), let leap = u32(at + 28), let time = u32(at + 32),
                    let type = u32(at + 36), let char = u32(at + 40), time <= 100_000, (1...256).contains(type),
                    char <= 100_000, leap <= 100_000, std <= 256, ut <= 256
                else { return nil }
                return (time, type, char, leap, std, ut)
            }
            guard let first = header(0) else { return nil }
            var start = 0
            var counts = first
            var timeSize = 4
            if bytes[4] >= UInt8(ascii: "2") {
                start = 44 + first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.std + first.ut
                guard let second = header(start) else { return nil }
                counts = second
                timeSize = 8
            }
            var at = start + 44
            let needed = counts.time * (timeSize + 1) + counts.type * 6
            guard at + needed <= bytes.count else { return nil }
            var times: [Int64] = []
            for index in 0..<counts.time {
                let slice = bytes[(at + index * timeSize)..<(at + (index + 1) * timeSize)]
                var value = slice.reduce(Int64(0)) { $0 << 8 | Int64($1) }
                if timeSize == 4 { value = Int64(Int32(truncatingIfNeeded: value)) }
                times.append(value)
            }
            at += counts.time * timeSize
            let indexes = bytes[at..<at + counts.time].map(Int.init)
            at += counts.time
            var typeOffsets: [Int] = []
            for index in 0..<counts.type {
                guard let raw = u32(at + index * 6) else { return nil }
                typeOffsets.append(Int(Int32(truncatingIfNeeded: UInt32(raw))))
            }
            guard indexes.allSatisfy({ $0 < typeOffsets.count }), typeOffsets.allSatisfy({ abs($0) <= 86_400 }) else {
                return nil
            }
            transitions = times
            offsets = indexes.map { typeOffsets[$0] }
            initial = typeOffsets[0]
        }

        func offset(at seconds: Int64) -> Int {
            // The last transition at or before `seconds` (binary search: tables hold a few hundred).
            var low = 0
            var high = transitions.count
            while low < high {
                let middle = (low + high) / 2
                if transitions[middle] <= seconds { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? initial : offsets[low - 1]
        }
    }
}
