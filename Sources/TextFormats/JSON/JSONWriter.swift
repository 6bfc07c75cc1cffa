/// Writes a `JSONValue` as text: keys sorted, so the output is stable from run to run.
enum JSONWriter {
    /// `value` as JSON; `pretty` indents by two spaces and writes `"key" : value`.
    static func write(_ value: JSONValue, pretty: Bool, indent: Int = 0) -> String {
        var output = JSONText()
        write(value, pretty: pretty, indent: indent, into: &output)
        return output.text
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, into output: inout JSONText) {
        switch value {
        case .null: output.raw("null")
        case .bool(let flag): output.bool(flag)
        case .number(let number): output.number(number)
        case .string(let string): output.string(string)
        case .array(let items):
            guard !items.isEmpty else { return output.raw("[]") }
            output.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.raw(",") }
                newline(pretty, indent + 1, into: &output)
                write(item, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty, indent, into: &output)
            output.raw("]")
        case .object(let members):
            guard !members.isEmpty else { return output.raw("{}") }
            output.raw("{")
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.raw(",") }
                newline(pretty, indent + 1, into: &output)
                output.string(key)
                output.raw(pretty ? " : " : ":")
                write(members[key] ?? .null, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty, indent, into: &output)
            output.raw("}")
        }
    }

    private static func newline(_ pretty: Bool, _ indent: Int, into output: inout JSONText) {
        guard pretty else { return }
        output.raw("\n")
        for _ in 0..<indent { output.raw("  ") }
    }

    /// Whole numbers without a fraction ("71", not "71.0"); others in Swift's shortest round-trip form.
    static func text(_ number: Double) -> String { JSONText.numberText(number) }
}
