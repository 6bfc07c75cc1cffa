import Foundation
import Synchronization
import WeatherTestSupport

/// Runs the fixture server for benchmarks and manual runs: prints its base URL, serves until killed.
///
/// Usage: meteo-fixture-server [FIXTURE_DIR] [--delay SECONDS] [--port-file PATH] [--api-key KEY]
///
/// `GET /_fixture/requests` answers how many requests it has served (benchmarks count upstream requests).
@main
enum FixtureServerMain {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var delay = 0.0
        var portFile: String?
        if let index = arguments.firstIndex(of: "--delay"), index + 1 < arguments.count {
            delay = Double(arguments[index + 1]) ?? 0
            arguments.removeSubrange(index...index + 1)
        }
        if let index = arguments.firstIndex(of: "--port-file"), index + 1 < arguments.count {
            portFile = arguments[index + 1]
            arguments.removeSubrange(index...index + 1)
        }
        var keys: Set<String> = ["valid-key"]
        if let index = arguments.firstIndex(of: "--api-key"), index + 1 < arguments.count {
            keys = [arguments[index + 1]]
            arguments.removeSubrange(index...index + 1)
        }
        let directory = arguments.first.map { URL(fileURLWithPath: $0) } ?? FixtureRoutes.projectFixtures
        let routes = FixtureRoutes(directory: directory, validKeys: keys)
        let wait = delay
        let served = Served()
        let server = try FixtureServer { request in
            if request.path == "/_fixture/requests" { return .json(String(served.count.load(ordering: .relaxed))) }
            served.count.add(1, ordering: .relaxed)
            let reply = routes.reply(to: request)
            return wait > 0 ? .delayed(seconds: wait, then: reply) : reply
        }
        if let portFile { try String(server.port).write(toFile: portFile, atomically: true, encoding: .utf8) }
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
        while true { sleep(3600) }
    }
}

/// The requests served so far, but for those asking the count.
final class Served: Sendable {
    let count = Atomic<Int>(0)
}
