import Foundation
import Testing

@testable import WeatherApp

/// The README's key table is the key map's: a binding added or changed fails here until the README follows.
@Suite struct ReadmeKeysTests {
    @Test func readmeListsExactlyTheKeymap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys:start -->\n"))
        let end = try #require(text.range(of: "\n<!-- keys:end -->"))
        let table = String(text[start.upperBound..<end.lowerBound])
        let expected = Keymap.standard.markdownTable
        #expect(table == expected, "README keys table, expected:\n\(expected)")
    }
}
