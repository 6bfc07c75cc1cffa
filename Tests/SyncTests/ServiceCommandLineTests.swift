import CommandLineKit
import Testing

@testable import MeteoRecords

/// `meteo-records`' command line, read without a database.
@Suite struct ServiceCommandLineTests {
    func action(_ words: String...) throws -> Action {
        guard case .run(let parsed) = try CommandLineParser.parse(words, root: MeteoRecords.spec) else {
            throw UsageError("not a command", commandPath: [], usage: "")
        }
        return try Action(parsed)
    }

    func refusal(_ words: String...) -> String? {
        do {
            guard case .run(let parsed) = try CommandLineParser.parse(words, root: MeteoRecords.spec) else {
                return nil
            }
            _ = try Action(parsed)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func everyCommand() throws {
        #expect(try action() == .serve)
        #expect(try action("--port", "9000") == .serve)
        #expect(try action("migrate", "--database-url", "postgres://a@b/c") == .migrate)
        #expect(try action("token", "create", "ann") == .createToken(user: "ann"))
        #expect(try action("token", "list") == .listTokens)
        #expect(try action("token", "revoke", "12") == .revokeToken(id: 12))
    }

    @Test func badArgumentsAreRefusedBeforeAnyConfiguration() {
        #expect(refusal("token", "revoke", "twelve") == "The token's id is a number (see `token list`).")
        #expect(
            refusal("token", "create", String(repeating: "n", count: 101)) == "The name must be 1 to 100 characters.")
        #expect(refusal("token", "create") == "missing argument <name>")
        #expect(refusal("token", "drop") == "unknown command 'drop'; the commands are create, list, revoke")
        #expect(refusal("serve", "--verbose") == "unknown option '--verbose'")
    }
}
