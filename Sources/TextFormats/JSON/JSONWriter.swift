/// Writes a `JSONValue` as text: keys sorted, so the output is stable from run to run.
enum JSONWriter {
    /// `value` as JSON; `pretty` indents by two spaces and writes `"key" : value`.
    static func write(_ value: JSONValue, pretty: Bool, indent: Int = 0) -> String {
        var output = ""
        write(value, pretty: pretty, indent: indent, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += text(number)
        case .string(let string): quote(string, into: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(pretty, indent + 1, into: &output)
                write(item, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty, indent, into: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                newline(pretty, indent + 1, into: &output)
                quote(key, into: &output)
                output += pretty ? " : " : ":"
                write(members[key] ?? .null, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty, indent, into: &output)
            output += "}"
        }
    }

    private static func newline(_ pretty: Bool, _ indent: Int, into output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Whole numbers without a fraction ("71", not "71.0"); others in Swift's shortest round-trip form.
    static func text(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int(number))
        }
        return String(number)
    }

    private static func quote(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            // Controls, DEL, C1 and bidi overrides as \u escapes: valid JSON that cannot act on a terminal.
            case _ where TerminalText.isUnsafe(scalar):
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
