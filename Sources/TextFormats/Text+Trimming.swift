extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    public func trimmedWhitespace() -> String { String(withoutSurroundingWhitespace) }

    /// The same, as a slice of the text (no copy).
    public var withoutSurroundingWhitespace: SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }

    /// The text without the spaces (U+0020) at its end, as padding a column leaves them.
    public func droppingTrailingSpaces() -> String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
