/// The bar chart of the screen's next hours and of a place's trend: values as columns of blocks, `rows` high.
public enum BarChart {
    /// The blocks from empty to full, in Unicode and in ASCII.
    public static let unicode: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let ascii: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "@"]

    /// Each row, top first, as the level (0 = empty … `levels`) of each value's column; a missing value is 0 in
    /// every row. The lowest value still shows a sliver.
    public static func levels(_ values: [Double?], rows: Int, levels: Int) -> [[Int]] {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max(), rows > 0, levels > 0 else { return [] }
        return (0..<rows).map { row in
            let rowFromBottom = rows - 1 - row
            return values.map { value in
                guard let value else { return 0 }
                let fraction = high > low ? (value - low) / (high - low) : 0.5
                let height = Int((fraction * Double(rows * levels - 1)).rounded()) + 1
                return max(0, min(levels, height - rowFromBottom * levels))
            }
        }
    }
}
