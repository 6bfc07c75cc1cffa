/// The search bar's text and cursor, edited as a person expects (any Unicode, cursor by grapheme).
public struct TextField: Sendable, Hashable {
    public private(set) var characters: [Character] = []
    /// The cursor, between characters: 0 is before the first.
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// The longest text the search bar takes.
    static let limit = 200

    mutating func insert(_ character: Character) {
        guard characters.count < Self.limit, !character.isNewline else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    mutating func moveHome() { cursor = 0 }
    mutating func moveEnd() { cursor = characters.count }

    mutating func deleteToStart() {
        characters.removeFirst(cursor)
        cursor = 0
    }

    mutating func deleteToEnd() { characters.removeLast(characters.count - cursor) }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
