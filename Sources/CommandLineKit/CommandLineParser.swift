import TextFormats

/// What a command line asks for.
public enum Invocation: Equatable, Sendable {
    /// Run this command with these values.
    case run(ParsedCommand)
    /// Print this help text (`--help`, `-h`, `help COMMAND`) and succeed.
    case help(String)
    /// Print this version and succeed.
    case version(String)
}

/// Reads a command line against a tree of `CommandSpec`s.
///
/// The grammar is the usual one: a subcommand first, then long options (`--name value`, `--name=value`,
/// `--flag`, `--no-flag`) and positional words in any order, `--` to end options. An option's value may
/// begin with `-` when it is a number, so `--lat -33.9` means what it says.
public enum CommandLineParser {
    /// - Parameters:
    ///   - words: the arguments without the program's own name.
    ///   - translate: the help's sentences in the reader's language, by their English text.
    public static func parse(
        _ words: [String], root: CommandSpec, translate: @escaping (String) -> String = { $0 }
    ) throws(UsageError) -> Invocation {
        if words.first == "help", root.subcommand(named: "help") == nil {
            return try helpCommand(Array(words.dropFirst()), root: root, translate: translate)
        }
        var spec = root
        var path = [root.name]
        var index = 0
        while !spec.subcommands.isEmpty {
            let word = index < words.count ? words[index] : nil
            if let word, let subcommand = spec.subcommand(named: word) {
                spec = subcommand
                path.append(subcommand.name)
                index += 1
                continue
            }
            if word == "-h" || word == "--help" {
                return .help(HelpText.render(spec, path: path, translate: translate))
            }
            if word == "--version", let version = root.version { return .version(version) }
            guard let name = spec.defaultSubcommand, let fallback = spec.subcommand(named: name) else {
                guard let word else { return .help(HelpText.render(spec, path: path, translate: translate)) }
                throw unknownCommand(word, in: spec, path: path)
            }
            // A word that is neither a command nor something the default command takes is a mistyped command.
            if let word, !word.hasPrefix("-"), fallback.arguments.isEmpty, fallback.subcommands.isEmpty {
                throw unknownCommand(word, in: spec, path: path)
            }
            spec = fallback
            path.append(fallback.name)
        }
        return try parseLeaf(
            Array(words[index...]), spec: spec, path: path, version: root.version, translate: translate)
    }

    private static func parseLeaf(
        _ words: [String], spec: CommandSpec, path: [String], version: String?, translate: (String) -> String
    ) throws(UsageError) -> Invocation {
        func failure(_ reason: UsageError.Reason) -> UsageError {
            UsageError(reason, commandPath: path, usage: HelpText.usage(spec, path: path))
        }
        var values: [String: String] = [:]
        var flags: [String: Bool] = [:]
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word == "-h" || word == "--help" {
                return .help(HelpText.render(spec, path: path, translate: translate))
            }
            if word == "--version", let version { return .version(version) }
            guard word.hasPrefix("--") else { throw failure(.unknownOption(TerminalText.quoted(word))) }
            let body = word.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            if let option = spec.option(named: name) {
                switch option.kind {
                case .value:
                    if let inlineValue {
                        values[name] = inlineValue
                    } else if index < words.count, isValue(words[index]) {
                        values[name] = words[index]
                        index += 1
                    } else {
                        throw failure(.missingValue(option.synopsis))
                    }
                case .flag, .invertibleFlag:
                    if inlineValue != nil { throw failure(.takesNoValue(TerminalText.quoted("--" + name))) }
                    flags[name] = true
                }
            } else if name.hasPrefix("no-"), let option = spec.option(named: String(name.dropFirst(3))),
                option.kind == .invertibleFlag
            {
                if inlineValue != nil { throw failure(.takesNoValue(TerminalText.quoted("--" + name))) }
                flags[option.name] = false
            } else {
                throw failure(.unknownOption(TerminalText.quoted("--" + name)))
            }
        }
        var arguments: [String: [String]] = [:]
        var rest = positionals[...]
        for argument in spec.arguments {
            if argument.isRepeating {
                arguments[argument.name] = Array(rest)
                rest = []
            } else if let first = rest.popFirst() {
                arguments[argument.name] = [first]
            }
            if arguments[argument.name, default: []].isEmpty, !argument.isOptional {
                throw failure(.missingArgument(argument.name))
            }
        }
        if let extra = rest.first { throw failure(.unexpectedArgument(TerminalText.quoted(extra))) }
        return .run(
            ParsedCommand(
                path: path, spec: spec, values: values, flags: flags, arguments: arguments))
    }

    /// `help`, `help now`, `help token create`.
    private static func helpCommand(
        _ words: [String], root: CommandSpec, translate: (String) -> String
    ) throws(UsageError) -> Invocation {
        var spec = root
        var path = [root.name]
        for word in words {
            guard let subcommand = spec.subcommand(named: word) else {
                throw unknownCommand(word, in: spec, path: path)
            }
            spec = subcommand
            path.append(word)
        }
        return .help(HelpText.render(spec, path: path, translate: translate))
    }

    private static func unknownCommand(_ word: String, in spec: CommandSpec, path: [String]) -> UsageError {
        UsageError(
            .unknownCommand(TerminalText.quoted(word), spec.subcommands.map(\.name)), commandPath: path,
            usage: HelpText.usage(spec, path: path))
    }

    /// A word that can be an option's value: not an option itself, unless it is a negative number.
    private static func isValue(_ word: String) -> Bool {
        !word.hasPrefix("-") || word == "-" || Double(word) != nil
    }
}
