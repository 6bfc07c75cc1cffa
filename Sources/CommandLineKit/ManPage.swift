/// A manual page (roff, man(7) macros) written from the same specs that parse the command line: every command,
/// argument and option, plus the sections only the program knows (environment, files, exit status).
public enum ManPage {
    /// A section of the page beyond what the specs say: a title and its paragraphs, or term and description
    /// pairs.
    public struct Section: Sendable {
        public var title: String
        public var paragraphs: [String]
        public var entries: [(term: String, text: String)]

        public init(_ title: String, paragraphs: [String] = [], entries: [(term: String, text: String)] = []) {
            self.title = title
            self.paragraphs = paragraphs
            self.entries = entries
        }
    }

    /// The page for `root`, dated `date` (`2026-12-02`), with `sections` after the commands.
    public static func render(_ root: CommandSpec, date: String, sections: [Section] = []) -> String {
        let name = root.name
        var out = [
            ".TH \"\(name.uppercased())\" \"1\" \"\(date)\" \"\(escape(name)) \(escape(root.version ?? ""))\" \"User Commands\""
        ]
        out += [".SH NAME", "\(escape(name)) \\- \(escape(root.abstract))", ".SH SYNOPSIS"]
        for (path, spec) in Completions.commands(root) where spec.subcommands.isEmpty {
            out.append(".B \(escape(([name] + path).joined(separator: " ")))")
            let rest = synopsis(spec)
            if !rest.isEmpty { out += wrapped(rest) }
            out.append(".br")
        }
        out.removeLast()
        if !root.discussion.isEmpty { out += [".SH DESCRIPTION", paragraph(root.discussion)] }
        if !root.subcommands.isEmpty {
            out.append(".SH COMMANDS")
            for (path, spec) in Completions.commands(root) where !path.isEmpty {
                out.append(".SS \(escape(([name] + path).joined(separator: " ")))")
                let isDefault = spec.name == root.defaultSubcommand && !spec.abstract.contains("default")
                out.append(paragraph(spec.abstract + (isDefault ? " (the default)" : "")))
                if !spec.discussion.isEmpty { out += [".PP", paragraph(spec.discussion)] }
                out += entries(spec)
            }
        }
        var global = root.options.map { (term: optionTerm($0), text: $0.help) }
        if root.version != nil { global.append((term: "\\fB\\-\\-version\\fR", text: "Show the version.")) }
        global.append(
            (term: "\\fB\\-h\\fR, \\fB\\-\\-help\\fR", text: "Show help information (also after any command)."))
        out.append(".SH OPTIONS")
        for entry in global { out += [".TP", entry.term, paragraph(entry.text)] }
        for section in sections {
            out.append(".SH \(escape(section.title.uppercased()))")
            for (index, text) in section.paragraphs.enumerated() {
                if index > 0 { out.append(".PP") }
                out.append(paragraph(text))
            }
            for entry in section.entries { out += [".TP", "\\fB\(escape(entry.term))\\fR", paragraph(entry.text)] }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `[\fB--limit\fR \fIn\fR] <\fIid\fR>`, the usage after the command's words.
    static func synopsis(_ spec: CommandSpec) -> String {
        var parts: [String] = spec.arguments.map { argument in
            let word = "\\fI\(escape(argument.name))\\fR" + (argument.isRepeating ? " ..." : "")
            return argument.isOptional ? "[\(word)]" : word
        }
        for option in spec.options {
            switch option.kind {
            case .value(let valueName):
                parts.append("[\\fB\\-\\-\(escape(option.name))\\fR \\fI\(escape(valueName))\\fR]")
            case .flag: parts.append("[\\fB\\-\\-\(escape(option.name))\\fR]")
            case .invertibleFlag:
                parts.append("[\\fB\\-\\-\(escape(option.name))\\fR | \\fB\\-\\-no\\-\(escape(option.name))\\fR]")
            }
        }
        return parts.joined(separator: " ")
    }

    static func entries(_ spec: CommandSpec) -> [String] {
        var out: [String] = []
        for argument in spec.arguments { out += [".TP", "\\fI\(escape(argument.name))\\fR", paragraph(argument.help)] }
        for option in spec.options {
            var text = option.help
            if !option.choices.isEmpty, !text.contains(option.choices[0]) {
                text += " One of: " + option.choices.joined(separator: ", ") + "."
            }
            out += [".TP", optionTerm(option), paragraph(text)]
        }
        return out
    }

    static func optionTerm(_ option: OptionSpec) -> String {
        switch option.kind {
        case .value(let valueName): "\\fB\\-\\-\(escape(option.name))\\fR \\fI\(escape(valueName))\\fR"
        case .flag: "\\fB\\-\\-\(escape(option.name))\\fR"
        case .invertibleFlag: "\\fB\\-\\-\(escape(option.name))\\fR, \\fB\\-\\-no\\-\(escape(option.name))\\fR"
        }
    }

    /// Text as roff reads it back: backslashes and hyphens escaped, no line starting with a control character,
    /// `code` spans in bold, one sentence per line (as man(7) asks).
    static func paragraph(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        var bold = false
        for character in escape(text) {
            if character == "`" {
                line += bold ? "\\fR" : "\\fB"
                bold.toggle()
                continue
            }
            line.append(character)
            if character == " ", line.count > 1, [".", "?", "!"].contains(line.dropLast().last), !bold {
                lines.append(String(line.dropLast()))
                line = ""
            }
        }
        if bold { line += "\\fR" }
        if !line.isEmpty { lines.append(line) }
        return lines.flatMap(wrapped).map { $0.first == "." || $0.first == "'" ? "\\&" + $0 : $0 }
            .joined(separator: "\n")
    }

    /// A source line cut at spaces into lines of at most 78 bytes (roff fills them again; mandoc's lint asks for
    /// short input lines).
    static func wrapped(_ line: String) -> [String] {
        guard line.utf8.count > 78 else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty, current.utf8.count + 1 + word.utf8.count > 78 {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Backslashes and hyphens escaped, and everything beyond ASCII as its `\[uXXXX]` escape: the page's source
    /// stays ASCII, whatever the reader's locale.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }
}
