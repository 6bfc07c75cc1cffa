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

    /// The whole help of one command.
    public static func render(_ spec: CommandSpec, path: [String]) -> String {
        var sections = ["OVERVIEW: \(spec.abstract)"]
        if !spec.discussion.isEmpty { sections.append(wrap(spec.discussion, width: width).joined(separator: "\n")) }
        sections.append("USAGE: \(usage(spec, path: path))")
        if !spec.arguments.isEmpty {
            sections.append(
                (["ARGUMENTS:"] + spec.arguments.flatMap { entry("<\($0.name)>", $0.help) }).joined(separator: "\n"))
        }
        var options = spec.options.flatMap { entry($0.synopsis, $0.help) }
        if path.count == 1, spec.version != nil { options += entry("--version", "Show the version.") }
        options += entry("-h, --help", "Show help information.")
        sections.append((["OPTIONS:"] + options).joined(separator: "\n"))
        if !spec.subcommands.isEmpty {
            let lines = spec.subcommands.flatMap { subcommand in
                entry(
                    subcommand.name + (subcommand.name == spec.defaultSubcommand ? " (default)" : ""),
                    subcommand.abstract)
            }
            sections.append((["SUBCOMMANDS:"] + lines).joined(separator: "\n"))
            sections.append("  See '\(path.joined(separator: " ")) help <subcommand>' for detailed help.")
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
