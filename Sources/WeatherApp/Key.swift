/// A key press, as data: the terminal adapter makes these, the core reads them.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl with a letter: `.control("c")` is Ctrl-C.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown

    /// How the key is written in the footer and the help screen.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-" + character.uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        }
    }
}

/// Where keys go.
public enum Focus: String, Sendable, Hashable, CaseIterable {
    case search, result, history

    /// Tab's order: search → result → history → search.
    var next: Focus {
        switch self {
        case .search: .result
        case .result: .history
        case .history: .search
        }
    }

    var previous: Focus {
        switch self {
        case .search: .history
        case .result: .search
        case .history: .result
        }
    }
}

/// What a key asks for, whatever key it was.
public enum Action: String, Sendable, Hashable {
    case submitSearch, record, deleteSelected, undo, toggleUnits, help, cancel, quit, nextFocus, previousFocus
    case focusSearch, moveUp, moveDown, pageUp, pageDown, first, last, open, fetchNow
}

/// The key map: which keys do what in which focus. The footer and the help screen are drawn from it.
public struct Keymap: Sendable {
    /// One binding: its keys, the action, what it says, and where it works.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        public var summary: String
        public var focuses: Set<Focus>
        /// Shown in the footer (the help screen shows every binding).
        public var inFooter: Bool
    }

    public var bindings: [Binding]

    static let anywhere = Set(Focus.allCases)
    static let outsideSearch: Set<Focus> = [.result, .history]

    /// meteo's keys.
    public static let standard = Keymap(bindings: [
        Binding(keys: [.enter], action: .submitSearch, summary: "search", focuses: [.search], inFooter: true),
        Binding(keys: [.enter], action: .open, summary: "show record", focuses: [.history], inFooter: true),
        Binding(keys: [.character("r")], action: .record, summary: "record", focuses: [.result], inFooter: true),
        Binding(
            keys: [.character("f")], action: .fetchNow, summary: "weather now", focuses: [.result], inFooter: true),
        Binding(
            keys: [.character("d")], action: .deleteSelected, summary: "delete", focuses: [.history], inFooter: true),
        Binding(keys: [.character("u")], action: .undo, summary: "undo delete", focuses: outsideSearch, inFooter: true),
        Binding(keys: [.up, .character("k")], action: .moveUp, summary: "up", focuses: [.history], inFooter: false),
        Binding(
            keys: [.down, .character("j")], action: .moveDown, summary: "down", focuses: [.history], inFooter: false),
        Binding(keys: [.pageUp], action: .pageUp, summary: "page up", focuses: [.history], inFooter: false),
        Binding(keys: [.pageDown], action: .pageDown, summary: "page down", focuses: [.history], inFooter: false),
        Binding(
            keys: [.home, .character("g")], action: .first, summary: "newest", focuses: [.history], inFooter: false),
        Binding(keys: [.end, .character("G")], action: .last, summary: "oldest", focuses: [.history], inFooter: false),
        Binding(keys: [.tab], action: .nextFocus, summary: "next pane", focuses: anywhere, inFooter: true),
        Binding(keys: [.backTab], action: .previousFocus, summary: "previous pane", focuses: anywhere, inFooter: false),
        Binding(
            keys: [.character("/")], action: .focusSearch, summary: "search bar", focuses: outsideSearch, inFooter: true
        ),
        Binding(
            keys: [.character("m")], action: .toggleUnits, summary: "°C/°F", focuses: outsideSearch, inFooter: true),
        Binding(keys: [.character("?")], action: .help, summary: "help", focuses: outsideSearch, inFooter: true),
        Binding(keys: [.escape], action: .cancel, summary: "cancel / close", focuses: anywhere, inFooter: false),
        Binding(keys: [.character("q")], action: .quit, summary: "quit", focuses: outsideSearch, inFooter: true),
        Binding(keys: [.control("c")], action: .quit, summary: "quit", focuses: anywhere, inFooter: false),
    ])

    /// The action `key` triggers in `focus`, if any.
    public func action(for key: Key, in focus: Focus) -> Action? {
        bindings.first { $0.focuses.contains(focus) && $0.keys.contains(key) }?.action
    }

    /// Footer entries for `focus`: ("r", "record"), …
    public func footer(for focus: Focus) -> [(key: String, summary: String)] {
        var entries = bindings.filter { $0.inFooter && $0.focuses.contains(focus) }.map {
            (key: $0.keys[0].label, summary: $0.summary)
        }
        if focus == .search { entries.append((key: "Ctrl-C", summary: "quit")) }
        return entries
    }

    /// Every binding once, for the help screen and the README, with where it works named by `focusName`
    /// (`nil` for "anywhere").
    public func helpRows(naming focusName: (Focus?) -> String = { $0?.rawValue ?? "anywhere" }) -> [(
        keys: String, summary: String, focuses: String
    )] {
        bindings.map { binding in
            let keys = binding.keys.map(\.label).joined(separator: " ")
            let focuses =
                binding.focuses == Self.anywhere
                ? focusName(nil)
                : Focus.allCases.filter(binding.focuses.contains).map(focusName).joined(separator: ", ")
            return (keys, binding.summary, focuses)
        }
    }

    /// The help rows as a Markdown table, for the README (a test keeps the two equal).
    public var markdownTable: String {
        var lines = ["| keys | does | where |", "|---|---|---|"]
        for row in helpRows() {
            let keys = row.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(row.summary) | \(row.focuses) |")
        }
        return lines.joined(separator: "\n")
    }
}
