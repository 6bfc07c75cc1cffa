import CommandLineKit
import TextFormats
import WeatherCore

/// `meteo completions bash|zsh|fish`: the shell completion script, written from the command specs themselves.
struct CompletionsCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "completions", abstract: "Write the completion script for a shell to standard output.",
        discussion: """
            Commands, options, their values and record ids (read from your store) complete. Load it in your shell \
            (bash: `source <(meteo completions bash)`) or let `make install` put it where each shell looks.
            """,
        arguments: [
            ArgumentSpec(
                "shell", help: "bash, zsh or fish.",
                completion: .choices(Completions.Shell.allCases.map(\.rawValue)))
        ])

    let shell: Completions.Shell

    init(_ parsed: ParsedCommand) throws(UsageError) {
        let text = parsed.argument("shell") ?? ""
        guard let shell = Completions.Shell(rawValue: text) else {
            throw parsed.error(
                .notOneOf(
                    option: "<shell>", choices: Completions.Shell.allCases.map(\.rawValue),
                    value: TerminalText.quoted(text)))
        }
        self.shell = shell
    }

    func run() throws {
        Console.raw(Completions.script(Meteo.spec, shell: shell))
    }
}

/// `meteo manpage`: this manual as a man page (roff), written from the command specs (`make man`).
struct ManpageCommand: MeteoCommand {
    static let spec = CommandSpec(
        name: "manpage", abstract: "Write meteo's manual page (roff) to standard output (`make man` uses it).")

    init(_ parsed: ParsedCommand) throws(UsageError) {}

    func run() throws {
        Console.raw(ManPage.render(Meteo.spec, date: MeteoVersion.released, sections: Self.sections))
    }

    static var sections: [ManPage.Section] {
        [
            ManPage.Section(
                "Environment",
                paragraphs: [
                    "Each setting of config.toml has its variable, which wins over the file; flags win over both."
                ],
                entries: Settings.keys.map { (term: $0.environment, text: "(`\($0.file)` in config.toml) \($0.help)") }
                    + [
                        (term: "METEO_CONFIG", text: "The config file to read instead of the default one."),
                        (term: "METEO_DATA_DIR", text: "The record store's folder."),
                        (term: "METEO_CACHE_DIR", text: "The offline cache's folder."),
                        (term: "NO_COLOR", text: "Set to anything: the screen draws without colours."),
                    ]),
            ManPage.Section(
                "Files",
                entries: [
                    (term: "~/.config/meteo/config.toml", text: "Settings (`$XDG_CONFIG_HOME/meteo/config.toml`)."),
                    (
                        term: "~/.local/share/meteo/records.sqlite",
                        text: "The records you kept (`$XDG_DATA_HOME/meteo/records.sqlite`)."
                    ),
                    (term: "~/.cache/meteo/", text: "The last answers, shown offline (`$XDG_CACHE_HOME/meteo`)."),
                    (term: "~/.local/state/meteo/meteo.log", text: "What went wrong, for a bug report (mode 600)."),
                ]),
            ManPage.Section(
                "Exit status",
                entries: [
                    (term: "0", text: "Success (also an old result shown offline, marked stale)."),
                    (term: "3", text: "No place or no record matches."),
                    (term: "4", text: "The network or the weather service failed."),
                    (term: "5", text: "The configuration is wrong (config.toml, an API key, sync not set up)."),
                    (term: "6", text: "The record store cannot be used."),
                    (term: "64", text: "The command line does not fit its command."),
                    (term: "128+N", text: "The screen was ended by signal N (143 for SIGTERM)."),
                ]),
            ManPage.Section("See also", paragraphs: ["meteo-records(1)"]),
        ]
    }
}
