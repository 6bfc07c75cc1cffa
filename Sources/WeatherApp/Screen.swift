import TextFormats

/// A terminal size in cells.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What a cell means; the terminal adapter turns roles into colours and attributes.
public enum Style: Character, Sendable, Hashable, CaseIterable {
    case normal = "."
    case title = "T"
    case muted = "m"
    case selected = "S"
    case error = "E"
    case warning = "W"
    case accent = "A"
    case input = "I"
    case cursor = "C"
    case rule = "r"
}

/// One cell: a grapheme and its style. A wide grapheme fills its cell and marks the next as a continuation.
public struct Cell: Sendable, Hashable {
    public var text: Character
    public var style: Style
    /// The right half of a wide character drawn in the cell before.
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .normal, isContinuation: false)
}

/// A grid of cells: what `render` returns and the terminal draws.
public struct Screen: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Text is folded to ASCII as it is put (`19.5C`, not `19.5 C`); `asciify` catches what was drawn cell by cell.
    public var ascii = false

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` from column `x` on row `y`, clipped to `width` cells (default: to the right edge).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, width: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return x }
        let limit = min(size.width, x + (width ?? size.width))
        var column = x
        // Untrusted text (a place name) may hold controls or bidi overrides: they are shown, never sent raw.
        for character in ascii ? ASCIIText.fold(TerminalText.visible(text)) : TerminalText.visible(text) {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 { continue }
            guard column + cellWidth <= limit else { break }
            if column >= 0 {
                cells[y * size.width + column] = Cell(text: character, style: style, isContinuation: false)
                if cellWidth == 2 {
                    cells[y * size.width + column + 1] = Cell(text: " ", style: style, isContinuation: true)
                }
            }
            column += cellWidth
        }
        return column
    }

    /// Fills `count` cells of row `y` from `x` with `character`.
    public mutating func fill(_ character: Character, x: Int, y: Int, count: Int, style: Style = .normal) {
        guard count > 0 else { return }
        put(String(repeating: String(character), count: count), x: x, y: y, style: style, width: count)
    }

    /// Restyles `count` cells of row `y` from `x`, keeping their text.
    public mutating func paint(_ style: Style, x: Int, y: Int, count: Int) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<min(size.width, x + count) { cells[y * size.width + column].style = style }
    }

    /// Replaces every non-ASCII cell with an ASCII look-alike (accents dropped, symbols spelled plainly,
    /// anything else "?"), for terminals whose locale is not UTF-8. Widths never change.
    public mutating func asciify() {
        for index in cells.indices {
            let cell = cells[index]
            if cell.isContinuation {
                cells[index] = Cell(text: " ", style: cell.style, isContinuation: false)
                continue
            }
            guard !cell.text.isASCII else { continue }
            cells[index].text = ASCIIText.fold(cell.text)
        }
    }

    /// The text of each row, wide characters once, trailing spaces kept (golden files keep them).
    public var textLines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line.append(self[x, y].text) }
            return line
        }
    }

    /// The style letter of each cell, row by row (one letter per cell, continuations included).
    public var styleLines: [String] {
        (0..<size.height).map { y in String((0..<size.width).map { self[$0, y].style.rawValue }) }
    }
}
