import Foundation
import Testing
import WeatherTestSupport

/// `meteo login`, `sync` and `logout` as a person runs them: the built binary, a real service, a real store.
@Suite struct SyncCommandLineTests {
    @Test func loginSyncLogoutAndEveryFailureIsOneLine() throws {
        let world = try SyncWorld(replicas: 1)
        let token = try world.token(for: "ann")
        let meteo = try ChildProcess.built()
        let url = world.replicas[0].baseURL
        func environment(_ name: String, _ extra: [String: String] = [:]) -> [String: String] {
            let home = world.folder.path + "/" + name
            return ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "METEO_DATA_DIR": home + "/data"]
                .merging(extra) { $1 }
        }
        let laptop = environment("laptop")
        let config = world.folder.path + "/laptop/.config/meteo/config.toml"

        // Not set up yet: one line, configuration exit code.
        var run = try meteo.run(["sync"], environment: laptop)
        #expect(run.status == 5)
        #expect(run.stderr.hasPrefix("meteo: Sync is not set up: run `meteo login URL`"))
        #expect(run.stderr.split(separator: "\n").count == 1)

        // Plain http to another machine is refused before any token is asked for.
        run = try meteo.run(["login", "http://records.example.org"], environment: laptop, input: token)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Refusing to send a token over plain http"))
        #expect(!FileManager.default.fileExists(atPath: config))

        // A wrong token is checked and refused; nothing is saved.
        run = try meteo.run(["login", url], environment: laptop, input: "mr_wrong\n")
        #expect(run.status == 5)
        #expect(run.stderr.contains("rejected the token"))
        #expect(!FileManager.default.fileExists(atPath: config))

        // The right one, from standard input: saved, readable by the owner only, never printed.
        run = try meteo.run(["login", url], environment: laptop, input: token + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Logged in to \(url)"))
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
        let attributes = try FileManager.default.attributesOfItem(atPath: config)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains("records_url = \"\(url)\""))

        // Records made here go up; a second device logged in with --token-file gets them.
        let export = """
            [{"id":"7d3c2a0e-6a7b-4f7e-9a43-2a8d1f0c9b11","place":{"name":"Lyon","country_code":"FR","latitude":45.76,\
            "longitude":4.83},"observed_at":"2026-11-27T13:00:00Z","recorded_at":"2026-11-27T13:04:12Z",\
            "provider":"open-meteo","temperature":11.5,"weather_code":2,"units":"metric"}]
            """
        #expect(try meteo.run(["import", "-"], environment: laptop, input: export).status == 0)
        run = try meteo.run(["sync"], environment: laptop)
        #expect(run.status == 0)
        #expect(run.stdout == "↑ 1 ↓ 0 · up to date\n")
        let desktop = environment("desktop")
        let tokenFile = world.folder.path + "/token"
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        #expect(try meteo.run(["login", url, "--token-file", tokenFile], environment: desktop).status == 0)
        run = try meteo.run(["sync"], environment: desktop)
        #expect(run.stdout == "↑ 0 ↓ 1 · up to date\n")
        #expect(try meteo.run(["history"], environment: desktop).stdout.contains("Lyon"))

        // A plain-http service elsewhere, set through the environment, is refused too.
        run = try meteo.run(
            ["sync"],
            environment: environment(
                "elsewhere", ["METEO_RECORDS_URL": "http://records.example.org", "METEO_RECORDS_TOKEN": token]))
        #expect(run.status == 5)
        #expect(run.stderr.hasPrefix("meteo: Refusing to send the token over plain http to http://records.example.org"))

        // The environment works as well as the config file, and ASCII output stays ASCII.
        let scripted = environment(
            "script", ["METEO_RECORDS_URL": url, "METEO_RECORDS_TOKEN": token, "LANG": "C"])
        run = try meteo.run(["sync"], environment: scripted)
        #expect(run.stdout == "up 0 down 1 - up to date\n")

        // The service down: one line, network exit code, and the record stays.
        world.replicas[0].kill()
        run = try meteo.run(["sync"], environment: laptop)
        #expect(run.status == 4)
        #expect(run.stderr.hasPrefix("meteo: Cannot reach the record service at \(url) (connection refused)"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try meteo.run(["history"], environment: laptop).stdout.contains("Lyon"))
        try world.replicas[0].start()

        // A token revoked on the service: configuration exit code, what to do.
        _ = try world.records(["token", "revoke", "1"])
        run = try meteo.run(["sync"], environment: laptop)
        #expect(run.status == 5)
        #expect(run.stderr.contains("rejected the token: run `meteo login \(url)`"))

        // Logout forgets the service; the records stay.
        run = try meteo.run(["logout"], environment: laptop)
        #expect(run.status == 0)
        #expect(!(try String(contentsOfFile: config, encoding: .utf8)).contains("records_"))
        #expect(try meteo.run(["sync"], environment: laptop).status == 5)
        #expect(try meteo.run(["history"], environment: laptop).stdout.contains("Lyon"))
    }

    @Test func aServiceThatDoesNotSpeakSyncIsNamed() throws {
        // The weather fixture server answers 404 on /v1/sync: "too old or too new".
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        let server = try FixtureServer { routes.reply(to: $0) }
        let home = try TemporaryDirectory()
        let run = try ChildProcess.built().run(
            ["sync"],
            environment: [
                "HOME": home.path, "PATH": "/usr/bin:/bin", "METEO_RECORDS_URL": server.baseURL,
                "METEO_RECORDS_TOKEN": "mr_x",
            ])
        #expect(run.status == 4)
        #expect(run.stderr.contains("does not speak this meteo's sync"))
    }
}
