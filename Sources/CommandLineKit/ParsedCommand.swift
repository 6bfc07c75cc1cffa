import TextFormats

/// A command line that fits its command: the values given, read through typed accessors.
///
/// Accessors throw `UsageError` for a value of the wrong shape, so a command's initializer reads and checks
/// its inputs in one place and every refusal prints the same way.
public struct ParsedCommand: Equatable, Sendable {
    /// The command's words from the root: `["meteo", "history"]`.
    public let path: [String]
    let spec: CommandSpec
    let values: [String: String]
    let flags: [String: Bool]
    let arguments: [String: [String]]

    /// The command's own name: `history`.
    public var name: String { path[path.count - 1] }

    /// A refusal of this command line, printed with the command's usage.
    public func error(_ message: String) -> UsageError {
        error(.sentence(message))
    }

    /// A refusal of this command line for `reason`.
    public func error(_ reason: UsageError.Reason) -> UsageError {
        UsageError(reason, commandPath: path, usage: HelpText.usage(spec, path: path))
    }

    /// Whether the command declares `--name` (options shared by several commands are read where they apply).
    public func takes(_ name: String) -> Bool { spec.option(named: name) != nil }

    /// The text given to `--name`, if any.
    public func string(_ name: String) -> String? {
        assert(spec.option(named: name) != nil, "undeclared option \(name)")
        return values[name]
    }

    /// Whether `--name` was given.
    public func flag(_ name: String) -> Bool {
        optionalFlag(name) ?? false
    }

    /// `true` for `--name`, `false` for `--no-name`, `nil` when neither was given.
    public func optionalFlag(_ name: String) -> Bool? {
        assert(spec.option(named: name) != nil, "undeclared option \(name)")
        return flags[name]
    }

    /// The word given for a positional argument.
    public func argument(_ name: String) -> String? {
        arguments(name).first
    }

    /// Every word given for a repeating positional argument.
    public func arguments(_ name: String) -> [String] {
        assert(spec.arguments.contains { $0.name == name }, "undeclared argument \(name)")
        return arguments[name] ?? []
    }

    /// `--name` as a whole number.
    public func int(_ name: String) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw invalid(text, name) }
        return value
    }

    /// `--name` as a finite number.
    public func double(_ name: String) throws(UsageError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else { throw invalid(text, name) }
        return value
    }

    /// `--name` as one of a fixed set of words.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type)
        throws(UsageError) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw error(
                .notOneOf(
                    option: "--" + name, choices: Choice.allCases.map(\.rawValue), value: TerminalText.quoted(text)))
        }
        return value
    }

    private func invalid(_ text: String, _ name: String) -> UsageError {
        error(.notAValue(option: "--" + name, value: TerminalText.quoted(text)))
    }
}
