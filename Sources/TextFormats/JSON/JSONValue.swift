/// Any JSON value, for decoding payloads that cannot be trusted to keep their shape.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `bytes` (RFC 8259, depth-limited); `nil` when they are not exactly one JSON value, or, when
    /// `rejectingDuplicateKeys`, when an object names a key twice (what a request body may not do: which of the
    /// two counts would be a guess).
    public static func parse(bytes: [UInt8], rejectingDuplicateKeys: Bool = false) -> JSONValue? {
        try? JSONParser.parse(bytes, rejectingDuplicateKeys: rejectingDuplicateKeys)
    }

    /// A number as JSON writes it: "71" for whole numbers, the shortest round-trip form otherwise.
    public static func numberText(_ number: Double) -> String { JSONWriter.text(number) }

    /// The value as JSON text with sorted keys.
    public func serialized(pretty: Bool = false) -> String {
        JSONWriter.write(self, pretty: pretty)
    }

    /// The value as pretty JSON nested `indent` levels deep (its inner lines indented to match), for writing a
    /// large document piece by piece.
    public func serialized(indent: Int) -> String {
        JSONWriter.write(self, pretty: true, indent: indent)
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
