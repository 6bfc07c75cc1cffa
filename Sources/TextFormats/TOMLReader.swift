/// Reads the part of TOML that config.toml uses: `key = value` lines, `[table]` headers and comments.
///
/// Values are basic and literal strings, integers, floats and booleans. Anything else (arrays, inline
/// tables, dates, multi-line strings) is reported with its line, never guessed at. A TOML library was
/// measured to cost meteo 10 MB of resident memory and 12 ms at every start (it pulls in all of
/// Foundation and ICU); see DECISIONS.md.
public enum TOMLReader {
    /// A value as it was written.
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)

        /// The value as setting text: strings as they are, numbers and booleans spelled out.
        public var text: String {
            switch self {
            case .string(let text): text
            case .integer(let value): String(value)
            case .float(let value): String(value)
            case .boolean(let value): String(value)
            }
        }
    }

    /// Why a document could not be read, with the 1-based line.
    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Parses `text` into values keyed by dotted name (`table.key`).
    /// - Throws: `Failure` at the first line that is not supported TOML.
    public static func parse(_ text: String) throws(Failure) -> [(key: String, value: Value)] {
        var table = ""
        var entries: [(key: String, value: Value)] = []
        var seen: Set<String> = []
        // A byte order mark is not content; "\r\n" is one Character in Swift, so lines are cut on both.
        let body = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            var scanner = Scanner(line, line: number)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw Failure(line: number, reason: "arrays of tables are not supported") }
                scanner.skipSpaces()
                let name = try scanner.key()
                scanner.skipSpaces()
                guard scanner.peek == "]" else {
                    throw Failure(line: number, reason: "expected ] after the table name")
                }
                scanner.advance()
                try scanner.expectEnd()
                table = name
                continue
            }
            let key = try scanner.key()
            scanner.skipSpaces()
            guard scanner.peek == "=" else {
                throw Failure(line: number, reason: "expected = after \(TerminalText.quoted(key))")
            }
            scanner.advance()
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectEnd()
            let full = table.isEmpty ? key : table + "." + key
            guard seen.insert(full).inserted else {
                throw Failure(line: number, reason: "\(TerminalText.quoted(full)) is set twice")
            }
            entries.append((full, value))
        }
        return entries
    }

    /// Walks one line.
    private struct Scanner {
        let characters: [Character]
        var position = 0
        let line: Int

        init(_ text: Substring, line: Int) {
            characters = Array(text)
            self.line = line
        }

        var peek: Character? { position < characters.count ? characters[position] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" }

        mutating func advance() { position += 1 }

        mutating func skipSpaces() {
            while let character = peek, character == " " || character == "\t" { advance() }
        }

        func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

        mutating func expectEnd() throws(Failure) {
            skipSpaces()
            guard atEndOrComment else { throw fail("unexpected text after the value") }
        }

        /// A bare (`a-b_c`), quoted or dotted key.
        mutating func key() throws(Failure) -> String {
            var parts: [String] = []
            repeat {
                skipSpaces()
                if peek == "\"" || peek == "'" {
                    guard case .string(let text) = try value() else { throw fail("bad key") }
                    parts.append(text)
                } else {
                    var text = ""
                    while let character = peek, character.isASCII,
                        character.isLetter || character.isNumber || character == "_" || character == "-"
                    {
                        text.append(character)
                        advance()
                    }
                    guard !text.isEmpty else { throw fail("expected a key") }
                    parts.append(text)
                }
                skipSpaces()
                guard peek == "." else { break }
                advance()
            } while true
            return parts.joined(separator: ".")
        }

        mutating func value() throws(Failure) -> Value {
            switch peek {
            case "\"":
                if characters[position...].starts(with: ["\"", "\"", "\""]) {
                    throw fail("multi-line strings are not supported")
                }
                advance()
                return .string(try basicString())
            case "'":
                advance()
                var text = ""
                while let character = peek, character != "'" {
                    text.append(character)
                    advance()
                }
                guard peek == "'" else { throw fail("unterminated string") }
                advance()
                return .string(text)
            case "[": throw fail("arrays are not supported here")
            case "{": throw fail("inline tables are not supported here")
            case nil: throw fail("missing value")
            default:
                var word = ""
                while let character = peek, character != " ", character != "\t", character != "#" {
                    word.append(character)
                    advance()
                }
                return try scalar(word)
            }
        }

        private mutating func basicString() throws(Failure) -> String {
            var text = ""
            while let character = peek {
                advance()
                switch character {
                case "\"": return text
                case "\\":
                    guard let escaped = peek else { throw fail("unterminated string") }
                    advance()
                    switch escaped {
                    case "\"": text.append("\"")
                    case "\\": text.append("\\")
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "b": text.append("\u{8}")
                    case "f": text.append("\u{C}")
                    case "u", "U":
                        let count = escaped == "u" ? 4 : 8
                        guard position + count <= characters.count,
                            let code = UInt32(String(characters[position..<position + count]), radix: 16),
                            let scalar = Unicode.Scalar(code)
                        else { throw fail("bad \\\(escaped) escape") }
                        position += count
                        text.unicodeScalars.append(scalar)
                    default: throw fail("unknown escape \\\(escaped)")
                    }
                default: text.append(character)
                }
            }
            throw fail("unterminated string")
        }

        private func scalar(_ word: String) throws(Failure) -> Value {
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
                throw fail("\(TerminalText.quoted(word)) is not a usable number")
            default: break
            }
            let digits = word.replacingUnderscores()
            if let integer = Int(digits) { return .integer(integer) }
            if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let float = Double(digits),
                float.isFinite
            {
                return .float(float)
            }
            if word.contains("-") || word.contains(":") { throw fail("dates and times are not supported") }
            throw fail("\(TerminalText.quoted(word)) is not a value (strings need quotes)")
        }
    }
}

extension String {
    /// TOML allows `1_000`; only underscores between digits count.
    fileprivate func replacingUnderscores() -> String {
        var result = ""
        let characters = Array(self)
        for (index, character) in characters.enumerated() {
            if character == "_", index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
                characters[index + 1].isNumber
            {
                continue
            }
            result.append(character)
        }
        return result
    }
}
