import Glibc
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The values of `config.toml`, read as text by key, and what a person should hear about the file.
struct ConfigFile: Sendable, Equatable {
    var values: [String: String] = [:]
    var warnings: [String] = []

    /// Reads the file at `path`; a missing file is an empty configuration, unless the person named it
    /// (`required`: `METEO_CONFIG`), when it is an error.
    /// - Throws: `ConfigError` when the file exists but cannot be read or is not TOML.
    static func load(path: String, required: Bool = false) throws(ConfigError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                if required { throw .unreadableFile(path: path, reason: Console.labels.say(.namedByConfigVariable)) }
                return ConfigFile()
            }
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadableFile(path: path, reason: Console.labels.say(.notRegularFile))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: Console.labels.say(.permissionDenied))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidFile(path: path, reason: Console.labels.say(.notUTF8))
        }
        var file = try parse(text, path: path)
        let secrets = Settings.keys.filter { $0.isSecret && file.values[$0.file] != nil }.map(\.file)
        if !secrets.isEmpty, info.st_mode & 0o077 != 0 {
            file.warnings.append(
                Console.labels.say(.secretsReadable, ["path": path, "keys": secrets.joined(separator: ", ")]))
        }
        return file
    }

    /// Parses TOML text into values by key; unknown keys are reported, not fatal.
    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let entries: [(key: String, value: TOMLReader.Value)]
        do {
            entries = try TOMLReader.parse(text)
        } catch {
            throw .invalidFile(
                path: path, reason: Console.labels.say(.tomlLine, ["line": String(error.line), "reason": error.reason]))
        }
        let known = Set(Settings.keys.map(\.file))
        var file = ConfigFile()
        for (key, value) in entries {
            guard known.contains(key) else {
                file.warnings.append(
                    Console.labels.say(.unknownSetting, ["path": path, "key": TerminalText.quoted(key)]))
                continue
            }
            file.values[key] = value.text
        }
        return file
    }
}

extension ConfigFile {
    /// Sets (or, for `nil`, removes) top-level `keys` in the file at `path`, keeping every other line, and
    /// leaves the file readable by its owner only (it may hold a token).
    /// - Throws: `ConfigError.unreadableFile` when the file cannot be read or written.
    static func update(path: String, _ keys: [(key: String, value: String?)]) throws(ConfigError) {
        var lines: [String] = []
        if let data = FileManager.default.contents(atPath: path) {
            lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            if lines.last == "" { lines.removeLast() }
        }
        var pending = keys
        var inTable = false
        var result: [String] = []
        for line in lines {
            let trimmed = line.trimmedWhitespace()
            if trimmed.hasPrefix("[") { inTable = true }
            let name = trimmed.split(separator: "=", maxSplits: 1).first?.trimmedWhitespace()
            if !inTable, let name, let index = pending.firstIndex(where: { $0.key == name }) {
                if let value = pending[index].value { result.append("\(name) = \(quoted(value))") }
                pending.remove(at: index)
                continue
            }
            result.append(line)
        }
        // New keys go before the first table, where top-level keys must be.
        let firstTable = result.firstIndex { $0.trimmedWhitespace().hasPrefix("[") } ?? result.count
        result.insert(
            contentsOf: pending.compactMap { key, value in value.map { "\(key) = \(quoted($0))" } }, at: firstTable)
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw .unreadableFile(path: path, reason: "cannot create \(folder)")
        }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        let text = Array((result.joined(separator: "\n") + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == text.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// A TOML basic string.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for character in value.unicodeScalars {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default: text.unicodeScalars.append(character)
            }
        }
        return text + "\""
    }
}
