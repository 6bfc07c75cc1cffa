import Foundation
import Testing
import WeatherCore
import WeatherTestSupport

/// `meteo now` with `weather = service`: the built binaries, two replicas on one PostgreSQL, the fixture server as
/// the providers.
@Suite struct GatewayCommandLineTests {
    @Test func meteoNowThroughTheServiceKeepsAnsweringOnceTheProviderStops() async throws {
        let key = "OwmKeyOnlyTheServiceHolds42"
        let upstream = try FixtureServer(
            handler: FixtureRoutes(directory: FixtureRoutes.projectFixtures, validKeys: [key]).reply)
        let world = try SyncWorld(
            replicas: 2,
            environment: [
                "METEO_RECORDS_GEOCODING_URL": upstream.baseURL, "METEO_RECORDS_FORECAST_URL": upstream.baseURL,
                "METEO_RECORDS_AIR_QUALITY_URL": upstream.baseURL, "METEO_RECORDS_OWM_URL": upstream.baseURL,
                "METEO_RECORDS_OWM_API_KEY": key,
            ])
        let token = try world.token(for: "ann")
        let meteo = try ChildProcess.built()
        // The client's own provider URLs lead nowhere: an answer can only have come through the service.
        func environment(replica: Int, _ extra: [String: String] = [:]) -> [String: String] {
            let home = world.folder.path + "/home\(replica)"
            return [
                "HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "METEO_DATA_DIR": home + "/data",
                "METEO_NOW": "2026-11-27T13:20:00Z",
                "METEO_CACHE_DIR": home + "/cache", "METEO_WEATHER": "service",
                "METEO_RECORDS_URL": world.replicas[replica].baseURL, "METEO_RECORDS_TOKEN": token,
                "METEO_GEOCODING_URL": "http://127.0.0.1:9", "METEO_FORECAST_URL": "http://127.0.0.1:9",
                "METEO_AIR_QUALITY_URL": "http://127.0.0.1:9", "METEO_OWM_URL": "http://127.0.0.1:9",
            ].merging(extra) { $1 }
        }
        func service(_ stdout: String) throws -> [String: Any]? {
            try MeteoHarness.json(stdout)["service"] as? [String: Any]
        }

        var run = try meteo.run(["now", "Paris", "--json"], environment: environment(replica: 0))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try MeteoHarness.json(run.stdout)["provider"] as? String == "open-meteo")
        #expect(try service(run.stdout)?["cache"] as? String == "miss")
        run = try meteo.run(["now", "Paris", "--json"], environment: environment(replica: 0))
        #expect(try service(run.stdout)?["cache"] as? String == "hit")
        #expect(try service(run.stdout)?["age_seconds"] as? Int != nil)

        // OpenWeatherMap with no key on this side: the service adds its own.
        let owm = environment(replica: 0, ["METEO_PROVIDER": "openweathermap"])
        run = try meteo.run(["now", "Paris", "--json"], environment: owm)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try MeteoHarness.json(run.stdout)["provider"] as? String == "openweathermap")
        #expect(try service(run.stdout)?["cache"] as? String == "miss")

        // The provider stops: the other replica, which never asked it, answers from the shared cache.
        upstream.stop()
        run = try meteo.run(["now", "Paris", "--json"], environment: environment(replica: 1))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try service(run.stdout)?["cache"] as? String == "hit")
        #expect(try MeteoHarness.json(run.stdout)["stale"] as? Bool == false)
        run = try meteo.run(["now", "Paris"], environment: owm)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Paris"))
        #expect(upstream.requests.filter { $0.path == "/v1/forecast" }.count == 1)
        #expect(upstream.requests.allSatisfy { $0.headers["authorization"] == nil })

        // Not logged in: one line saying what to do.
        run = try meteo.run(
            ["now", "Paris"],
            environment: environment(replica: 0, ["METEO_RECORDS_URL": "", "METEO_RECORDS_TOKEN": ""]))
        #expect(run.status == 5)
        #expect(run.stderr.hasPrefix("meteo: weather = service needs a record service: run `meteo login URL`"))
        #expect(run.stderr.split(separator: "\n").count == 1)

        // The key is in no log line and no metric.
        let metrics = try await CurlHTTPClient().send(HTTPRequest(url: world.replicas[0].baseURL + "/metrics"))
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("meteo_records_gateway_upstream_requests_total"))
        #expect(!String(decoding: metrics.body, as: UTF8.self).contains(key))
        for index in 0..<2 {
            let log = try String(contentsOfFile: world.folder.path + "/replica\(index).log", encoding: .utf8)
            #expect(log.contains("/v1/gateway/"))
            #expect(!log.contains(key))
        }

        // The service gone too: the local offline cache answers, as it does without a service.
        for replica in world.replicas { replica.kill() }
        run = try meteo.run(["now", "Paris", "--json"], environment: environment(replica: 0))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try MeteoHarness.json(run.stdout)["stale"] as? Bool == true)
        #expect(try MeteoHarness.json(run.stdout)["service"] is NSNull)
    }
}
