/// A strict RFC 8259 parser straight into `JSONValue`.
///
/// Foundation's decoder reaches `JSONValue` only by trying each type in turn and throwing on every miss,
/// which cost milliseconds per forecast; this reads each byte once.
struct JSONParser {
    private let bytes: [UInt8]
    private let rejectingDuplicateKeys: Bool
    private var index = 0
    private var depth = 0
    private static let maxDepth = 512

    /// The bytes are not one JSON value.
    struct Failure: Error {}

    private init(_ bytes: [UInt8], rejectingDuplicateKeys: Bool) {
        self.bytes = bytes
        self.rejectingDuplicateKeys = rejectingDuplicateKeys
    }

    /// The one value the bytes hold, with nothing but white space around it.
    static func parse(_ bytes: [UInt8], rejectingDuplicateKeys: Bool = false) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes, rejectingDuplicateKeys: rejectingDuplicateKeys)
        // A UTF-8 byte order mark is tolerated: some servers send one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure() }
        return value
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal(Array("true".utf8), .bool(true))
        case UInt8(ascii: "f"): return try literal(Array("false".utf8), .bool(false))
        case UInt8(ascii: "n"): return try literal(Array("null".utf8), .null)
        case nil: throw Failure()
        default: return .number(try number())
        }
    }

    private mutating func literal(_ word: [UInt8], _ value: JSONValue) throws(Failure) -> JSONValue {
        guard bytes[index...].starts(with: word) else { throw Failure() }
        index += word.count
        return value
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maxDepth else { throw Failure() }
        index += 1
        skipWhitespace()
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        // Room for a typical object up front: growing a dictionary key by key rehashes it four times.
        members.reserveCapacity(16)
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw Failure() }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw Failure() }
            index += 1
            let member = try value()
            if rejectingDuplicateKeys, members[key] != nil { throw Failure() }
            members[key] = member
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw Failure()
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw Failure()
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var text: [UInt8] = []
        var start = index
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                // Most strings have no escape: decoded straight from the input, with no copy first.
                let decoded =
                    text.isEmpty
                    ? bytes.withUnsafeBufferPointer {
                        String(validating: UnsafeBufferPointer(rebasing: $0[start..<index]), as: UTF8.self)
                    }
                    : String(validating: text + bytes[start..<index], as: UTF8.self)
                guard let decoded else { throw Failure() }
                return decoded
            case UInt8(ascii: "\\"):
                text.append(contentsOf: bytes[start..<index])
                index += 1
                try escape(into: &text)
                start = index
            case 0..<0x20:
                throw Failure()
            default:
                index += 1
            }
        }
        throw Failure()
    }

    private mutating func escape(into text: inout [UInt8]) throws(Failure) {
        guard let escaped = current else { throw Failure() }
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate must be followed by an escaped low one.
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else { throw Failure() }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Failure() }
            text.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw Failure()
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw Failure() }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func number() throws(Failure) -> Double {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw Failure() }
        return value
    }

    /// One or more decimal digits.
    private mutating func digits() throws(Failure) {
        let start = index
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        guard index > start else { throw Failure() }
    }
}
