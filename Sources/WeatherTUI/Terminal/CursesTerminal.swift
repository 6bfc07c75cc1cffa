import CNCurses
import Glibc
import WeatherApp

/// The ncurses edge: draws the cells that changed and turns key codes into `Key`s. It decides nothing else.
final class CursesTerminal: Terminal {
    private var previous: Screen?
    private let color: Bool
    private var restored = false

    /// Takes over the terminal: raw keys (Ctrl-C arrives as a key), no echo, hidden cursor, 50 ms key polls.
    init(color: Bool) {
        // A locale named but not installed (LANG=de_DE.UTF-8 on a machine with only C.UTF-8) would leave ncurses
        // in the C locale, writing "?" for every accent: its encoding is what matters, and C.UTF-8 is always there.
        if setlocale(LC_ALL, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        initscr()
        raw()
        noecho()
        nonl()
        keypad(meteo_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(meteo_stdscr(), 50)
        self.color = color && has_colors()
        if self.color {
            start_color()
            use_default_colors()
            // Default background and the basic colours read on both dark and light terminals.
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_MAGENTA), -1)
            init_pair(3, Int16(COLOR_CYAN), -1)
        }
    }

    deinit { restore() }

    var size: Size { Size(width: Int(meteo_cols()), height: Int(meteo_lines())) }

    /// Hands the terminal back as it was. Safe to call more than once.
    func restore() {
        guard !restored else { return }
        restored = true
        endwin()
    }

    /// The next key, waiting at most 50 ms.
    func nextInput() -> TerminalInput? { readInput() }

    /// A key already waiting, or nothing at once.
    func pendingInput() -> TerminalInput? {
        wtimeout(meteo_stdscr(), 0)
        defer { wtimeout(meteo_stdscr(), 50) }
        return readInput()
    }

    private func readInput() -> TerminalInput? {
        var character: wint_t = 0
        let result = wget_wch(meteo_stdscr(), &character)
        if result == meteo_key_code_yes() {
            if Int32(character) == KEY_RESIZE { return .resized }
            return Self.functionKey(Int32(character)).map(TerminalInput.key)
        }
        guard result == OK else { return nil }
        return Self.characterKey(UInt32(character)).map(TerminalInput.key)
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        default: nil
        }
    }

    static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 9: .tab
        case 10, 13: .enter
        case 27: .escape
        case 8, 127: .backspace
        case 1...26: .control(Character(Unicode.Scalar(code + 96) ?? "?"))
        case 0..<32: nil
        default: Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// Paints what differs from the last frame (everything after a resize).
    func draw(_ screen: Screen) {
        if previous?.size != screen.size {
            previous = nil
            werase(meteo_stdscr())
        }
        for y in 0..<screen.size.height {
            var x = 0
            while x < screen.size.width {
                let cell = screen[x, y]
                defer { x += 1 }
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell,
                    x + 1 >= screen.size.width || previous[x + 1, y] == screen[x + 1, y]
                {
                    continue
                }
                wattrset(meteo_stdscr(), Int32(bitPattern: attributes(cell.style)))
                mvwaddstr(meteo_stdscr(), Int32(y), Int32(x), String(cell.text))
            }
        }
        wattrset(meteo_stdscr(), Int32(bitPattern: meteo_a_normal()))
        wrefresh(meteo_stdscr())
        previous = screen
    }

    private func attributes(_ style: Style) -> attr_t {
        switch style {
        case .normal: meteo_a_normal()
        case .title: meteo_a_bold()
        case .muted, .rule: meteo_a_dim()
        case .selected, .cursor: meteo_a_reverse()
        case .input: meteo_a_underline()
        case .error: meteo_a_bold() | (color ? meteo_color_pair(1) : 0)
        case .warning: color ? meteo_color_pair(2) : meteo_a_bold()
        case .accent: color ? meteo_color_pair(3) : meteo_a_normal()
        }
    }
}
