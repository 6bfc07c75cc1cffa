/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Int
}

/// Where each part of the screen goes at a given size.
///
/// Wide terminals (72 columns or more) put the history beside the result; narrower ones put it below.
/// Below 20×6 only a "terminal too small" notice is drawn.
public struct Layout: Sendable, Hashable {
    public let size: Size

    public init(size: Size) { self.size = size }

    public var isTooSmall: Bool { size.width < Self.minimumWidth || size.height < Self.minimumHeight }

    /// The smallest terminal meteo draws in.
    public static let minimumWidth = 20, minimumHeight = 6
    public var isWide: Bool { size.width >= 72 }

    public var searchRow: Int { 0 }
    public var statusRow: Int { size.height - 2 }
    public var footerRow: Int { size.height - 1 }

    private var paneTop: Int { 1 }
    private var paneHeight: Int { max(0, size.height - 3) }

    public var result: Rect {
        if isWide {
            return Rect(x: 0, y: paneTop, width: size.width - historyWidth - 1, height: paneHeight)
        }
        return Rect(x: 0, y: paneTop, width: size.width, height: narrowResultHeight)
    }

    public var history: Rect {
        if isWide {
            return Rect(x: size.width - historyWidth, y: paneTop, width: historyWidth, height: paneHeight)
        }
        return Rect(
            x: 0, y: paneTop + narrowResultHeight, width: size.width, height: paneHeight - narrowResultHeight)
    }

    /// The column of the line between the panes (wide layout only).
    public var separatorColumn: Int? { isWide ? size.width - historyWidth - 1 : nil }

    /// History rows that show records (its first row is the pane's title).
    public var historyRows: Int { max(0, history.height - 1) }

    /// Wide enough at 80 columns for a place name beside its time and temperature (32 cut "Springfield"), while
    /// the result keeps the 41 columns its longest lines take.
    private var historyWidth: Int { min(52, max(30, size.width * 19 / 40)) }
    private var narrowResultHeight: Int { max(2, paneHeight * 3 / 5) }
}
