/// One command's grammar: its name, what it takes, and the help that explains it.
public struct CommandSpec: Equatable, Sendable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [CommandSpec]
    /// The subcommand that runs when none is named (`meteo` alone opens the screen).
    public var defaultSubcommand: String?
    /// Printed by `--version`; set on the root.
    public var version: String?

    public init(
        name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil,
        version: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.version = version
    }

    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// A positional argument: `<place>`.
public struct ArgumentSpec: Equatable, Sendable {
    public var name: String
    public var help: String
    /// Takes every remaining word (`meteo now Springfield, MO`).
    public var isRepeating: Bool
    /// May be left out; a repeating argument that is not optional needs one word at least.
    public var isOptional: Bool
    /// What a shell offers for it.
    public var completion: Completion

    /// What a shell's completion offers for an argument.
    public enum Completion: Equatable, Sendable {
        case none
        case files
        /// One of these words.
        case choices([String])
        /// The lines a command prints (record ids from the store): run by the completion script, errors ignored.
        case command(String)
    }

    public init(
        _ name: String, help: String, isRepeating: Bool = false, isOptional: Bool = false,
        completion: Completion = .none
    ) {
        self.name = name
        self.help = help
        self.isRepeating = isRepeating
        self.isOptional = isOptional
        self.completion = completion
    }

    /// How the argument is written in a usage line.
    var synopsis: String {
        let word = isRepeating ? "<\(name)> ..." : "<\(name)>"
        return isOptional ? "[\(word)]" : word
    }
}

/// A long option: `--limit <n>`, `--json`, or `--ascii/--no-ascii`.
public struct OptionSpec: Equatable, Sendable {
    /// What an option takes.
    public enum Kind: Sendable, Equatable {
        /// `--limit 20` or `--limit=20`; `valueName` is shown in help as `<valueName>`.
        case value(valueName: String)
        /// `--json`: present or not.
        case flag
        /// `--ascii` or `--no-ascii`; absent means "not said".
        case invertibleFlag
    }

    public var name: String
    public var kind: Kind
    public var help: String
    /// The values a shell offers after it (`metric`, `imperial`); empty for free text.
    public var choices: [String]
    /// The value is a path (a shell offers files).
    public var takesFile: Bool

    public init(_ name: String, _ kind: Kind, help: String, choices: [String] = [], takesFile: Bool = false) {
        self.name = name
        self.kind = kind
        self.help = help
        self.choices = choices
        self.takesFile = takesFile
    }

    /// `--name <value>` (its value named after the option).
    public static func value(
        _ name: String, valueName: String? = nil, choices: [String] = [], takesFile: Bool = false, help: String
    ) -> OptionSpec {
        OptionSpec(name, .value(valueName: valueName ?? name), help: help, choices: choices, takesFile: takesFile)
    }

    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name, .flag, help: help)
    }

    public static func invertibleFlag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name, .invertibleFlag, help: help)
    }

    /// How the option is written in a usage line and in help.
    var synopsis: String {
        switch kind {
        case .value(let valueName): "--\(name) <\(valueName)>"
        case .flag: "--\(name)"
        case .invertibleFlag: "--\(name)/--no-\(name)"
        }
    }
}
