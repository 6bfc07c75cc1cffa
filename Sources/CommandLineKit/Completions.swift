/// Shell completion scripts written from the same specs that parse the command line, so that they cannot drift
/// from it: commands, options, option values and arguments (words, files, or the lines a command prints).
public enum Completions {
    /// A shell `completions` writes for.
    public enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish
    }

    public static func script(_ root: CommandSpec, shell: Shell) -> String {
        switch shell {
        case .bash: bash(root)
        case .zsh: zsh(root)
        case .fish: fish(root)
        }
    }

    /// The words after the program's name that name a command, with its spec (the root as `[]`).
    static func commands(_ root: CommandSpec) -> [(path: [String], spec: CommandSpec)] {
        func walk(_ spec: CommandSpec, _ path: [String]) -> [([String], CommandSpec)] {
            [(path, spec)] + spec.subcommands.flatMap { walk($0, path + [$0.name]) }
        }
        return walk(root, [])
    }

    static func optionWords(_ spec: CommandSpec) -> [String] {
        spec.options.flatMap { option -> [String] in
            option.kind == .invertibleFlag ? ["--\(option.name)", "--no-\(option.name)"] : ["--\(option.name)"]
        } + ["--help"]
    }

    /// A word inside single quotes, for any POSIX shell (and fish, which reads `\'` inside them).
    static func quoted(_ word: String, fish: Bool = false) -> String {
        "'" + word.replacing("'", with: fish ? "\\'" : "'\\''") + "'"
    }

    // MARK: - bash

    static func bash(_ root: CommandSpec) -> String {
        let function = "_" + root.name.replacing("-", with: "_")
        var lines = [
            "# bash completion for \(root.name), written by `\(root.name) completions bash`.",
            "\(function)() {",
            "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" i word",
            "    for ((i = 1; i < COMP_CWORD; i++)); do",
            "        word=\"${COMP_WORDS[i]}\"",
            "        [[ $word == -* ]] && continue",
            "        case \"$path $word\" in",
        ]
        // The command path so far: each word that names a subcommand of the path before it.
        for (path, spec) in commands(root) {
            for sub in spec.subcommands {
                let words = " " + (path + [sub.name]).joined(separator: " ")
                lines.append("            \(quoted(words))) path=\"$path $word\" ;;")
            }
        }
        lines += ["        esac", "    done", "    case \"$path\" in"]
        for (path, spec) in commands(root) {
            lines.append("        \(quoted(path.isEmpty ? "" : " " + path.joined(separator: " "))))")
            var values: [String] = []
            for option in spec.options {
                guard case .value = option.kind else { continue }
                if !option.choices.isEmpty {
                    values.append(
                        "--\(option.name)) COMPREPLY=($(compgen -W \(quoted(option.choices.joined(separator: " "))) -- \"$cur\")); return ;;"
                    )
                } else if option.takesFile {
                    values.append("--\(option.name)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
                } else {
                    values.append("--\(option.name)) COMPREPLY=(); return ;;")
                }
            }
            if !values.isEmpty {
                lines.append("            case \"$prev\" in")
                lines += values.map { "                " + $0 }
                lines.append("            esac")
            }
            let options = optionWords(spec).joined(separator: " ")
            lines.append(
                "            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \(quoted(options)) -- \"$cur\")); return; fi"
            )
            if !spec.subcommands.isEmpty {
                let names = spec.subcommands.map(\.name).joined(separator: " ")
                lines.append("            COMPREPLY=($(compgen -W \(quoted(names)) -- \"$cur\"))")
            } else if let argument = spec.arguments.first {
                switch argument.completion {
                case .none: lines.append("            COMPREPLY=()")
                case .files: lines.append("            COMPREPLY=($(compgen -f -- \"$cur\"))")
                case .choices(let words):
                    lines.append(
                        "            COMPREPLY=($(compgen -W \(quoted(words.joined(separator: " "))) -- \"$cur\"))")
                case .command(let command):
                    lines.append("            COMPREPLY=($(compgen -W \"$(\(command) 2>/dev/null)\" -- \"$cur\"))")
                }
            }
            lines.append("            ;;")
        }
        lines += ["    esac", "}", "complete -o default \(function) \(root.name)", ""]
        // `-o default` gives files where the script offers nothing; commands that take no files say so above.
        return lines.joined(separator: "\n")
    }

    // MARK: - zsh

    static func zsh(_ root: CommandSpec) -> String {
        let name = root.name
        var lines = ["#compdef \(name)", "# zsh completion for \(name), written by `\(name) completions zsh`.", ""]
        func function(_ path: [String]) -> String {
            "_" + ([name] + path).joined(separator: "_").replacing("-", with: "_")
        }
        for (path, spec) in commands(root).reversed() {
            lines.append("\(function(path))() {")
            var specs: [String] = spec.options.flatMap { option -> [String] in
                let help = zshEscape(option.help)
                switch option.kind {
                case .flag: return [quoted("--\(option.name)[\(help)]")]
                case .invertibleFlag:
                    return [quoted("--\(option.name)[\(help)]"), quoted("--no-\(option.name)[\(help)]")]
                case .value(let valueName):
                    let action =
                        !option.choices.isEmpty
                        ? "(\(option.choices.joined(separator: " ")))" : option.takesFile ? "_files" : " "
                    return [quoted("--\(option.name)=[\(help)]:\(valueName):\(action)")]
                }
            }
            specs.append(quoted("--help[Show help information.]"))
            if !spec.subcommands.isEmpty {
                let described = spec.subcommands.map { quoted("\($0.name):\(zshEscape($0.abstract))") }
                lines.append("    local -a commands; commands=(\(described.joined(separator: " ")))")
                lines.append(
                    "    _arguments -C \(specs.joined(separator: " ")) '1: :->command' '*:: :->rest' && return")
                lines.append("    case $state in")
                lines.append("        command) _describe command commands ;;")
                lines.append("        rest) case $words[1] in")
                for sub in spec.subcommands {
                    lines.append("            \(sub.name)) \(function(path + [sub.name])) ;;")
                }
                lines.append("        esac ;;")
                lines.append("    esac")
            } else {
                for argument in spec.arguments {
                    let action: String
                    switch argument.completion {
                    case .none: action = " "
                    case .files: action = "_files"
                    case .choices(let words): action = "(\(words.joined(separator: " ")))"
                    case .command(let command): action = "{compadd -- ${(f)\"$(\(command) 2>/dev/null)\"}}"
                    }
                    specs.append(quoted((argument.isRepeating ? "*" : "1") + ":\(argument.name):\(action)"))
                }
                lines.append("    _arguments \(specs.joined(separator: " "))")
            }
            lines.append("}")
            lines.append("")
        }
        lines.append("\(function([])) \"$@\"")
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Help text inside a zsh `[...]` or `name:description`: no brackets or colons of its own.
    static func zshEscape(_ text: String) -> String {
        text.replacing("[", with: "(").replacing("]", with: ")").replacing(":", with: " -")
    }

    // MARK: - fish

    static func fish(_ root: CommandSpec) -> String {
        let name = root.name
        var lines = ["# fish completion for \(name), written by `\(name) completions fish`.", "complete -c \(name) -f"]
        for (path, spec) in commands(root) {
            // Where this command's words apply: its path typed, and no subcommand of it yet.
            var condition: String
            if path.isEmpty {
                condition = "__fish_use_subcommand"
            } else {
                condition = path.map { "__fish_seen_subcommand_from \($0)" }.joined(separator: "; and ")
                let children = spec.subcommands.map(\.name)
                if !children.isEmpty {
                    condition += "; and not __fish_seen_subcommand_from \(children.joined(separator: " "))"
                }
            }
            let when = "-n " + quoted(condition, fish: true)
            for sub in spec.subcommands {
                lines.append("complete -c \(name) \(when) -a \(sub.name) -d \(quoted(sub.abstract, fish: true))")
            }
            for option in spec.options {
                var line = "complete -c \(name) \(when) -l \(option.name) -d \(quoted(option.help, fish: true))"
                if case .value = option.kind {
                    line += option.takesFile ? " -r -F" : " -r"
                    if !option.choices.isEmpty {
                        line += " -a " + quoted(option.choices.joined(separator: " "), fish: true)
                    }
                }
                lines.append(line)
                if option.kind == .invertibleFlag {
                    lines.append(
                        "complete -c \(name) \(when) -l no-\(option.name) -d \(quoted(option.help, fish: true))")
                }
            }
            if spec.subcommands.isEmpty, let argument = spec.arguments.first {
                switch argument.completion {
                case .none: break
                case .files: lines.append("complete -c \(name) \(when) -F")
                case .choices(let words):
                    lines.append("complete -c \(name) \(when) -a \(quoted(words.joined(separator: " "), fish: true))")
                case .command(let command):
                    lines.append("complete -c \(name) \(when) -a \(quoted("(\(command) 2>/dev/null)", fish: true))")
                }
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
