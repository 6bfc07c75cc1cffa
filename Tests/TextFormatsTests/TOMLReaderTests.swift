import Foundation
import Testing
import TextFormats

@Suite struct TOMLReaderTests {
    func values(_ text: String) throws -> [String: TOMLReader.Value] {
        Dictionary(uniqueKeysWithValues: try TOMLReader.parse(text).map { ($0.key, $0.value) })
    }

    @Test func readsScalarsCommentsAndTables() throws {
        let text = """
            # meteo
            units = "imperial"   # trailing comment
            timeout = 1_500
            ratio = 2.5e1
            ascii = false
            'quoted key' = 'C:\\path'
            escaped = "tab\\there \\"q\\" \\u00e9"

            [records]
            url = "https://records.example"
            """
        let parsed = try values(text)
        #expect(parsed["units"] == .string("imperial"))
        #expect(parsed["timeout"] == .integer(1500))
        #expect(parsed["ratio"] == .float(25))
        #expect(parsed["ascii"] == .boolean(false))
        #expect(parsed["quoted key"] == .string("C:\\path"))
        #expect(parsed["escaped"] == .string("tab\there \"q\" é"))
        #expect(parsed["records.url"] == .string("https://records.example"))
    }

    /// A file saved on Windows: CRLF line endings and a byte order mark read as the same file saved on Linux.
    @Test func windowsLineEndingsAndAByteOrderMark() throws {
        let text = "# meteo\nunits = \"imperial\"\n\n[records]\nurl = \"https://records.example\"\n"
        let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(windows.unicodeScalars.contains("\r"))
        #expect(try values(windows) == values(text))
        #expect(try values(windows)["records.url"] == .string("https://records.example"))
        // A refusal still names the right line
        do {
            _ = try TOMLReader.parse("a = 1\r\n\r\nbroken\r\n")
            Issue.record("a line without = was read")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test(arguments: [
        ("units = imperial", 1, "'imperial' is not a value (strings need quotes)"),
        ("a = 1\nunits = \"open", 2, "unterminated string"),
        ("list = [1, 2]", 1, "arrays are not supported here"),
        ("when = 1979-05-27", 1, "dates and times are not supported"),
        ("= 3", 1, "expected a key"),
        ("a = 1\na = 2", 2, "'a' is set twice"),
        ("a = 1 2", 1, "unexpected text after the value"),
        ("[[servers]]", 1, "arrays of tables are not supported"),
        ("s = \"\"\"x\"\"\"", 1, "multi-line strings are not supported"),
        ("n = nan", 1, "'nan' is not a usable number"),
        ("e = \"\\q\"", 1, "unknown escape \\q"),
    ])
    func unsupportedOrBrokenLinesAreNamed(text: String, line: Int, reason: String) {
        #expect(throws: TOMLReader.Failure(line: line, reason: reason)) { try TOMLReader.parse(text) }
    }
}
