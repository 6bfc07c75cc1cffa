public import Foundation

/// The one command-line harness: the built `meteo`, run as a person or a script runs it, in a home of its own,
/// with the weather served by the project's fixture server.
public struct MeteoHarness: Sendable {
    public let meteo: ChildProcess
    public let home: TemporaryDirectory
    public let server: FixtureServer

    public init() throws {
        meteo = try ChildProcess.built()
        home = try TemporaryDirectory()
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        server = try FixtureServer { routes.reply(to: $0) }
    }

    /// Where the store lives: the XDG default under the harness's home.
    public var dataDirectory: String { home.path + "/.local/share/meteo" }
    public var storePath: String { dataDirectory + "/records.sqlite" }

    /// Exactly what `meteo` sees: a UTF-8 locale, UTC, the home, and the weather URLs of `server` (by default the
    /// harness's own), with `extra` on top.
    public func environment(_ extra: [String: String] = [:], server: FixtureServer? = nil) -> [String: String] {
        let base = (server ?? self.server).baseURL
        return [
            "HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TZ": "UTC", "METEO_GEOCODING_URL": base,
            "METEO_FORECAST_URL": base, "METEO_AIR_QUALITY_URL": base, "METEO_OWM_URL": base,
        ].merging(extra) { _, new in new }
    }

    /// Runs `meteo arguments…` and waits for it.
    @discardableResult
    public func run(
        _ arguments: [String], env: [String: String] = [:], input: String? = nil, server: FixtureServer? = nil
    ) throws -> ChildProcess.Output {
        try meteo.run(arguments, environment: environment(env, server: server), input: input)
    }

    /// A JSON object printed by `meteo`.
    public static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        return object
    }
}

/// A suite that runs `meteo` through its harness: `run("now", "Paris")` reads as the command line it is.
public protocol MeteoCommandLineSuite {
    var cli: MeteoHarness { get }
}

extension MeteoCommandLineSuite {
    @discardableResult
    public func run(
        _ arguments: String..., env: [String: String] = [:], input: String? = nil, server: FixtureServer? = nil
    ) throws -> ChildProcess.Output {
        try cli.run(arguments, env: env, input: input, server: server)
    }

    public func json(_ text: String) throws -> [String: Any] { try MeteoHarness.json(text) }
}
