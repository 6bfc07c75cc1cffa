import Glibc

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The values of `config.toml`, read as text by key, and what a person should hear about the file.
struct ConfigFile: Sendable, Equatable {
    var values: [String: String] = [:]
    var warnings: [String] = []

    /// Reads the file at `path`; a missing file is an empty configuration.
    /// - Throws: `ConfigError` when the file exists but cannot be read or is not TOML.
    static func load(path: String) throws(ConfigError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return ConfigFile() }
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadableFile(path: path, reason: "not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "permission denied")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidFile(path: path, reason: "not UTF-8 text")
        }
        var file = try parse(text, path: path)
        let secrets = Settings.keys.filter { $0.isSecret && file.values[$0.file] != nil }.map(\.file)
        if !secrets.isEmpty, info.st_mode & 0o077 != 0 {
            file.warnings.append(
                "\(path) holds \(secrets.joined(separator: ", ")) and others can read it: run `chmod 600 \(path)`.")
        }
        return file
    }

    /// Parses TOML text into values by key; unknown keys are reported, not fatal.
    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let entries: [(key: String, value: TOMLReader.Value)]
        do {
            entries = try TOMLReader.parse(text)
        } catch {
            throw .invalidFile(path: path, reason: "line \(error.line): \(error.reason)")
        }
        let known = Set(Settings.keys.map(\.file))
        var file = ConfigFile()
        for (key, value) in entries {
            guard known.contains(key) else {
                file.warnings.append("\(path): unknown setting '\(key)' ignored.")
                continue
            }
            file.values[key] = value.text
        }
        return file
    }
}
