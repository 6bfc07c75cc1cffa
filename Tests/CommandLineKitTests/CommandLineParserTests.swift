import Testing

@testable import CommandLineKit

/// A small tree shaped like meteo's: a default command, one with arguments and every kind of option.
private let root = CommandSpec(
    name: "tool", abstract: "A tool.",
    subcommands: [
        CommandSpec(name: "screen", abstract: "The default.", options: [.invertibleFlag("ascii", help: "ASCII.")]),
        CommandSpec(
            name: "now", abstract: "Now.", discussion: "Long words about now.",
            arguments: [ArgumentSpec("place", help: "Where.", isRepeating: true, isOptional: true)],
            options: [
                .value("lat", help: "Latitude."), .value("limit", help: "How many."),
                .flag("json", help: "JSON."), .invertibleFlag("ascii", help: "ASCII."),
            ]),
        CommandSpec(name: "delete", abstract: "Delete.", arguments: [ArgumentSpec("id", help: "Which.")]),
        CommandSpec(
            name: "token", abstract: "Tokens.",
            subcommands: [CommandSpec(name: "list", abstract: "List.")]),
    ],
    defaultSubcommand: "screen", version: "1.2.3")

private func run(_ words: String...) throws(UsageError) -> ParsedCommand {
    guard case .run(let parsed) = try CommandLineParser.parse(words, root: root) else {
        Issue.record("expected a command to run for \(words)")
        return ParsedCommand(path: ["tool"], spec: root, values: [:], flags: [:], arguments: [:])
    }
    return parsed
}

private func refusal(_ words: String...) -> UsageError? {
    do {
        _ = try CommandLineParser.parse(words, root: root)
        return nil
    } catch {
        return error
    }
}

@Suite struct CommandLineParserTests {
    @Test func subcommandOptionsAndRepeatingArgument() throws {
        let parsed = try run("now", "Springfield,", "MO", "--limit", "3", "--json")
        #expect(parsed.path == ["tool", "now"])
        #expect(parsed.arguments("place") == ["Springfield,", "MO"])
        #expect(try parsed.int("limit") == 3)
        #expect(parsed.flag("json"))
        #expect(parsed.optionalFlag("ascii") == nil)
    }

    @Test func optionValueForms() throws {
        #expect(try run("now", "--limit=7").int("limit") == 7)
        // A negative number is a value, not an option: the southern hemisphere exists.
        #expect(try run("now", "--lat", "-33.9").double("lat") == -33.9)
        #expect(try run("now", "--lat=-33.9").double("lat") == -33.9)
        // The last of a repeated option wins.
        #expect(try run("now", "--limit", "1", "--limit", "2").int("limit") == 2)
        #expect(refusal("now", "--lat", "--json")?.message == "missing value for '--lat <lat>'")
        #expect(refusal("now", "--lat")?.message == "missing value for '--lat <lat>'")
    }

    @Test func invertibleFlags() throws {
        #expect(try run("now", "--ascii").optionalFlag("ascii") == true)
        #expect(try run("now", "--no-ascii").optionalFlag("ascii") == false)
        #expect(try run("now", "--ascii", "--no-ascii").optionalFlag("ascii") == false)
        #expect(refusal("now", "--no-json")?.message == "unknown option '--no-json'")
        #expect(refusal("now", "--json=yes")?.message == "'--json' takes no value")
    }

    @Test func defaultSubcommand() throws {
        #expect(try run().path == ["tool", "screen"])
        let parsed = try run("--no-ascii")
        #expect(parsed.path == ["tool", "screen"])
        #expect(parsed.optionalFlag("ascii") == false)
    }

    @Test func mistypedCommandIsNamedAsSuch() {
        let error = refusal("nwo")
        #expect(error?.message == "unknown command 'nwo'; the commands are screen, now, delete, token")
        #expect(error?.commandPath == ["tool"])
    }

    @Test func nestedSubcommands() throws {
        #expect(try run("token", "list").path == ["tool", "token", "list"])
        guard case .help(let text) = try CommandLineParser.parse(["token"], root: root) else {
            Issue.record("a command with subcommands and no default shows its help")
            return
        }
        #expect(text.contains("USAGE: tool token <subcommand>"))
        #expect(refusal("token", "lst")?.message == "unknown command 'lst'; the commands are list")
    }

    @Test func positionalRules() throws {
        #expect(try run("delete", "abc").argument("id") == "abc")
        #expect(refusal("delete")?.message == "missing argument <id>")
        #expect(refusal("delete", "a", "b")?.message == "unexpected argument 'b'")
        // After `--`, words that look like options are arguments; a lone `-` always is one.
        #expect(try run("delete", "--", "--json").argument("id") == "--json")
        #expect(try run("delete", "-").argument("id") == "-")
    }

    @Test func unknownOptions() {
        #expect(refusal("now", "--bogus")?.message == "unknown option '--bogus'")
        #expect(refusal("now", "--bogus=1")?.message == "unknown option '--bogus'")
        #expect(refusal("now", "-x")?.message == "unknown option '-x'")
    }

    @Test func typedValuesRefuseBadText() throws {
        #expect(throws: UsageError.self) { try run("now", "--limit", "ten").int("limit") }
        #expect(throws: UsageError.self) { try run("now", "--lat", "nan").double("lat") }
        #expect(throws: UsageError.self) { try run("now", "--lat", "inf").double("lat") }
        #expect(try run("now").int("limit") == nil)
        enum Format: String, CaseIterable { case plain, json }
        #expect(try run("now", "--lat", "json").choice("lat", as: Format.self) == .json)
        let error = #expect(throws: UsageError.self) { try run("now", "--lat", "xml").choice("lat", as: Format.self) }
        #expect(error?.message == "'--lat' takes one of plain, json, not 'xml'")
    }

    @Test func helpAndVersion() throws {
        for words in [["--help"], ["-h"], ["help"]] {
            guard case .help(let text) = try CommandLineParser.parse(words, root: root) else {
                Issue.record("\(words) asks for help")
                continue
            }
            #expect(text.hasPrefix("OVERVIEW: A tool."))
            #expect(text.contains("  screen (default)        The default."))
            #expect(text.contains("  --version               Show the version."))
        }
        guard case .help(let now) = try CommandLineParser.parse(["help", "now"], root: root),
            case .help(let same) = try CommandLineParser.parse(["now", "--json", "--help"], root: root)
        else {
            Issue.record("help for a subcommand")
            return
        }
        #expect(now == same)
        #expect(
            now.contains(
                "USAGE: tool now [<place> ...] [--lat <lat>] [--limit <limit>] [--json] [--ascii] [--no-ascii]"))
        #expect(now.contains("  --ascii/--no-ascii      ASCII."))
        #expect(!now.contains("--version"))
        #expect(try CommandLineParser.parse(["--version"], root: root) == .version("1.2.3"))
        #expect(try CommandLineParser.parse(["now", "--version"], root: root) == .version("1.2.3"))
        #expect(
            refusal("help", "nope")?.message == "unknown command 'nope'; the commands are screen, now, delete, token")
    }

    @Test func usageErrorIsOneLineNamingTheReasonAndWhereToLook() {
        #expect(refusal("delete")?.description == "tool: missing argument <id> (see 'tool delete --help')")
        #expect(refusal("now", "--bogus")?.description == "tool: unknown option '--bogus' (see 'tool now --help')")
        // A reason ending in a full stop loses it before the pointer to the help
        let sentence = UsageError("Give a place.", commandPath: ["tool", "now"], usage: "tool now")
        #expect(sentence.description == "tool: Give a place (see 'tool now --help')")
        // Echoed input is cut: a pasted paragraph stays one short line
        let long = refusal("now", "--" + String(repeating: "x", count: 500))?.description ?? ""
        #expect(!long.contains("\n") && long.count < 120, "\(long)")
    }
}

@Suite struct HelpTextTests {
    @Test func wrapsAtWordsWithinWidth() {
        #expect(HelpText.wrap("aa bb cc dd", width: 5) == ["aa bb", "cc dd"])
        #expect(HelpText.wrap("  spaced   out ", width: 80) == ["spaced out"])
        #expect(HelpText.wrap("averyveryverylongword x", width: 5) == ["averyveryverylongword", "x"])
        #expect(HelpText.wrap("", width: 10).isEmpty)
    }

    @Test func longHelpContinuesUnderItsColumn() {
        let lines = HelpText.entry("--lat <lat>", String(repeating: "word ", count: 20))
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("  --lat <lat>             word"))
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 26) + "word"))
        #expect(lines.allSatisfy { $0.count <= 80 })
        // A label wider than its column puts the help on the next line.
        let wide = HelpText.entry("--a-very-long-option-name <value>", "Help.")
        #expect(wide == ["  --a-very-long-option-name <value>", String(repeating: " ", count: 26) + "Help."])
    }
}
