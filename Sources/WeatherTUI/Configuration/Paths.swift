/// Where meteo keeps its files, after the XDG Base Directory rules.
enum Paths {
    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// `$XDG_<name>_HOME` when it is an absolute path, else `$HOME/<fallback>`.
    static func xdg(_ name: String, fallback: String, _ environment: [String: String]) -> String {
        if let value = environment["XDG_\(name)_HOME"], value.hasPrefix("/") { return value }
        return home(environment) + "/" + fallback
    }

    static func configFile(_ environment: [String: String]) -> String {
        if let value = environment["METEO_CONFIG"], !value.isEmpty { return value }
        return xdg("CONFIG", fallback: ".config", environment) + "/meteo/config.toml"
    }

    static func cacheDirectory(_ environment: [String: String]) -> String {
        if let value = environment["METEO_CACHE_DIR"], !value.isEmpty { return value }
        return xdg("CACHE", fallback: ".cache", environment) + "/meteo"
    }

    static func stateDirectory(_ environment: [String: String]) -> String {
        xdg("STATE", fallback: ".local/state", environment) + "/meteo"
    }
}
