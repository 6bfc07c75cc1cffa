/// The text of `--help` and of usage lines, laid out like most command-line tools: 80 columns, help text
/// from column 27.
public enum HelpText {
    static let width = 80
    static let labelWidth = 24

    /// `meteo now [<place> ...] [--lat <lat>] …`, or `meteo <subcommand>` for a command with subcommands.
    public static func usage(_ spec: CommandSpec, path: [String]) -> String {
        var parts = [path.joined(separator: " ")]
        if !spec.subcommands.isEmpty {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        parts += spec.arguments.map(\.synopsis)
        for option in spec.options {
            switch option.kind {
            case .value(let valueName): parts.append("[--\(option.name) <\(valueName)>]")
            case .flag: parts.append("[--\(option.name)]")
            case .invertibleFlag: parts += ["[--\(option.name)]", "[--no-\(option.name)]"]
            }
        }
        return parts.joined(separator: " ")
    }

    /// The sentences the help adds to every command's own, in English: a program that speaks more translates
    /// them with the rest (`render`'s `translate`).
    public static let ownSentences = [
        "OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show the version.", "Show help information.",
        "(default)", "See '{command} help <subcommand>' for detailed help.",
    ]

    /// The whole help of one command, its sentences passed through `translate` (keyed by their English text).
    public static func render(
        _ spec: CommandSpec, path: [String], translate: (String) -> String = { $0 }
    ) -> String {
        let t = translate
        var sections = ["\(t("OVERVIEW:")) \(t(spec.abstract))"]
        if !spec.discussion.isEmpty {
            sections.append(wrap(t(spec.discussion), width: width).joined(separator: "\n"))
        }
        sections.append("\(t("USAGE:")) \(usage(spec, path: path))")
        if !spec.arguments.isEmpty {
            sections.append(
                ([t("ARGUMENTS:")] + spec.arguments.flatMap { entry("<\($0.name)>", t($0.help)) })
                    .joined(separator: "\n"))
        }
        var options = spec.options.flatMap { entry($0.synopsis, t($0.help)) }
        if path.count == 1, spec.version != nil { options += entry("--version", t("Show the version.")) }
        options += entry("-h, --help", t("Show help information."))
        sections.append(([t("OPTIONS:")] + options).joined(separator: "\n"))
        if !spec.subcommands.isEmpty {
            let lines = spec.subcommands.flatMap { subcommand in
                entry(
                    subcommand.name + (subcommand.name == spec.defaultSubcommand ? " " + t("(default)") : ""),
                    t(subcommand.abstract))
            }
            sections.append(([t("SUBCOMMANDS:")] + lines).joined(separator: "\n"))
            let see = t("See '{command} help <subcommand>' for detailed help.")
            sections.append("  " + see.replacing("{command}", with: path.joined(separator: " ")))
        }
        return sections.joined(separator: "\n\n")
    }

    /// `  --lat <lat>             Latitude in degrees …`, wrapped under its own column.
    static func entry(_ label: String, _ help: String) -> [String] {
        let indent = String(repeating: " ", count: labelWidth + 2)
        let lines = wrap(help, width: width - indent.count)
        let head = "  " + label
        guard let first = lines.first else { return [head] }
        var result: [String]
        if head.count < indent.count {
            result = [head + String(repeating: " ", count: indent.count - head.count) + first]
        } else {
            result = [head, indent + first]
        }
        result += lines.dropFirst().map { indent + $0 }
        return result
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
