import Foundation
import Testing
import WeatherTestSupport

/// Two `meteo` screens in real terminals (tmux), two data folders, one meteo-records: what one records
/// appears in the other without a key press, and so does a delete.
@Suite struct TwoScreensTests {
    @Test func aRecordMadeOnOneScreenAppearsOnTheOther() throws {
        let world = try SyncWorld(replicas: 1)
        let token = try world.token(for: "ann")
        let meteo = try ChildProcess.built()
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        let weather = try FixtureServer { routes.reply(to: $0) }
        func screen(_ name: String) throws -> TmuxSession {
            let home = world.folder.path + "/" + name
            // The token travels in the program's environment, never on a command line.
            let environment = [
                "HOME": home, "PATH": "/usr/bin:/bin", "TERM": "tmux-256color", "LANG": "C.UTF-8", "TZ": "UTC",
                "METEO_GEOCODING_URL": weather.baseURL, "METEO_FORECAST_URL": weather.baseURL,
                "METEO_AIR_QUALITY_URL": weather.baseURL,
                "METEO_DATA_DIR": home + "/data", "METEO_CACHE_DIR": home + "/cache",
                "METEO_RECORDS_URL": world.replicas[0].baseURL, "METEO_RECORDS_TOKEN": token,
                "METEO_SYNC_INTERVAL": "1",
            ]
            return try TmuxSession(program: meteo.path, environment: environment, width: 100, height: 30)
        }
        let laptop = try screen("laptop")
        let desktop = try screen("desktop")
        #expect(laptop.waitFor(text: "✓ synced"))
        #expect(desktop.waitFor(text: "✓ synced"))
        #expect(desktop.waitFor(text: "History (0)"))

        try laptop.type("Paris")
        try laptop.send("Enter")
        #expect(laptop.waitFor(text: "Which one?"))
        try laptop.send("Enter")
        #expect(laptop.waitFor(text: "9.3°C   feels like 6.9°C"))
        try laptop.send("r")
        #expect(laptop.waitFor(text: "History (1)"))

        // The desktop is not touched: the record arrives by itself.
        #expect(desktop.waitFor(text: "History (1)", timeout: 20))
        #expect(desktop.capture().contains { $0.contains("Paris") && $0.contains("9°") })

        // Deleted on the desktop, gone from the laptop.
        try desktop.send("Tab")
        try desktop.send("Tab")
        #expect(desktop.waitFor(text: "▸ History (1)"))
        try desktop.send("d")
        #expect(desktop.waitFor(text: "History (0)"))
        #expect(laptop.waitFor(text: "History (0)", timeout: 20))

        // The service gone: typing and recording go on, the corner says offline with what waits.
        world.replicas[0].kill()
        try laptop.send("r")
        #expect(laptop.waitFor(text: "History (1)"))
        #expect(laptop.waitFor(text: "offline (1 waiting)", timeout: 30))
        try world.replicas[0].start()
        #expect(laptop.waitFor(text: "✓ synced", timeout: 30))
        #expect(desktop.waitFor(text: "History (1)", timeout: 20))

        for session in [laptop, desktop] {
            try session.send("q")
            #expect(session.waitFor { _ in session.exitStatus != nil })
            #expect(session.exitStatus == 0)
        }
    }
}
