import Foundation
import Testing
import WeatherTestSupport

@testable import WeatherCore

/// Open-Meteo over real libcurl against the fixture server.
@Suite struct OpenMeteoProviderTests {
    let fixedNow = Date(timeIntervalSince1970: 1_795_790_000)  // 2026-11-27T10:33:20Z

    init() { CurlHTTPClient.globalInit() }

    func provider(_ server: FixtureServer, language: Language = .english) -> OpenMeteoProvider {
        let now = fixedNow
        return OpenMeteoProvider(
            geocodingURL: server.baseURL, forecastURL: server.baseURL + "/", airQualityURL: server.baseURL,
            language: language, http: CurlHTTPClient(),
            now: { now })
    }

    func fixtures() throws -> FixtureServer {
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        return try FixtureServer { routes.reply(to: $0) }
    }

    @Test func searchAsksTheGeocoderInTheChosenLanguage() async throws {
        let server = try fixtures()
        let places = try await provider(server, language: .french).search(try #require(PlaceQuery("London")), limit: 5)
        #expect(places.first?.name == "Londres")
        #expect(places.first?.country == "Royaume-Uni")
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/search")
        #expect(request.query["name"] == "London")
        #expect(request.query["language"] == "fr")
    }

    @Test func bestMatchAndQualifiedNames() async throws {
        let server = try fixtures()
        let openMeteo = provider(server)
        #expect(try await openMeteo.resolve(try #require(PlaceQuery("Paris"))).countryCode == "FR")
        #expect(try await openMeteo.resolve(try #require(PlaceQuery("Paris, Texas"))).admin1 == "Texas")
        #expect(try await openMeteo.resolve(try #require(PlaceQuery("Paris, US"))).admin1 == "Texas")
        #expect(try await openMeteo.resolve(try #require(PlaceQuery("Springfield, MO"))).admin1 == "Missouri")
        #expect(try await openMeteo.resolve(try #require(PlaceQuery("São Paulo"))).countryCode == "BR")
        await #expect(throws: WeatherError.placeNotFound(query: "Paris, Germany", name: "Paris")) {
            try await openMeteo.resolve(try #require(PlaceQuery("Paris, Germany")))
        }
        await #expect(throws: WeatherError.placeNotFound(query: "Atlantis")) {
            try await openMeteo.resolve(try #require(PlaceQuery("Atlantis")))
        }
    }

    @Test func geocoderEntriesWithoutNameOrCoordinatesAreSkipped() async throws {
        let server = try fixtures()
        let places = try await provider(server).search(try #require(PlaceQuery("Brokenville")), limit: 10)
        #expect(places.map(\.latitude) == [10.5])
    }

    @Test func forecastAsksForCurrent48HoursAnd7Days() async throws {
        let server = try fixtures()
        let paris = Place(name: "Paris", countryCode: "FR", latitude: 48.8534, longitude: 2.3488)
        let forecast = try await provider(server).forecast(for: paris)

        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/forecast")
        #expect(request.query["latitude"] == "48.8534")
        #expect(request.query["timezone"] == "auto")
        #expect(request.query["forecast_hours"] == "48")
        #expect(request.query["forecast_days"] == "7")
        #expect(request.query["hourly"]?.contains("precipitation_probability") == true)
        #expect(request.query["current"]?.contains("apparent_temperature") == true)

        #expect(forecast.utcOffsetSeconds == 3600)
        #expect(forecast.place.timezone == "Europe/Paris")
        #expect(forecast.fetchedAt == fixedNow)
        let current = try #require(forecast.current)
        #expect(CivilTime.rfc3339(current.time, utcOffsetSeconds: 3600) == "2026-11-27T14:15:00+01:00")
        #expect(current.temperature == 9.3)
        #expect(current.pressure == 1016.3)
        #expect(current.windDirection == 225)
        #expect(forecast.hourly.count == 48)
        #expect(CivilTime.rfc3339(forecast.hourly[0].time, utcOffsetSeconds: 3600) == "2026-11-27T14:00:00+01:00")
        #expect(forecast.daily.count == 7)
        #expect(forecast.daily.first?.date == LocalDate(year: 2026, month: 11, day: 27))
    }

    @Test func fewerHoursAndNullsGiveLessNotGarbage() async throws {
        let server = try fixtures()
        let london = Place(name: "London", latitude: 51.5085, longitude: -0.1257)
        let forecast = try await provider(server).forecast(for: london)
        let current = try #require(forecast.current)
        #expect(current.apparentTemperature == nil)
        #expect(current.humidity == nil)
        #expect(current.pressure == nil)
        #expect(forecast.hourly.count == 5)
        #expect(forecast.hourly[1].precipitationProbability == nil)
        #expect(forecast.hourly[2].temperature == nil)
        #expect(forecast.daily.count == 3)
    }

    @Test func legacyCurrentWeatherBlockIsRead() async throws {
        let server = try fixtures()
        let forecast = try await provider(server).forecast(
            for: Place(name: "SP", latitude: -23.5475, longitude: -46.6361))
        #expect(forecast.current?.temperature == 24.5)
        #expect(forecast.current?.weatherCode == 2)
        #expect(forecast.hourly.isEmpty)
    }

    @Test(arguments: [
        (
            FixtureServer.Reply.json(
                #"{"error":true,"reason":"Cannot initialize WeatherVariable from invalid String value x"}"#, status: 400
            ),
            WeatherError.providerError(
                .openMeteo, status: 400, reason: "Cannot initialize WeatherVariable from invalid String value x")
        ),
        (
            .json(
                #"{"error":true,"reason":"Daily API request limit exceeded. Please try again tomorrow."}"#, status: 429,
                headers: ["Retry-After": "3600"]),
            .rateLimited(.openMeteo, retryAfterSeconds: 3600)
        ),
        (
            .json(#"{"error":true,"reason":"Hourly API request limit exceeded."}"#, status: 200),
            .rateLimited(.openMeteo, retryAfterSeconds: nil)
        ),
        (
            .json(#"{"error":true,"reason":"Something broke"}"#, status: 200),
            .providerError(.openMeteo, status: 200, reason: "Something broke")
        ),
        (
            .respond(status: 500, body: Data("<html>oops</html>".utf8)),
            .providerError(.openMeteo, status: 500, reason: "unexpected answer")
        ),
        (.respond(status: 503, body: Data()), .providerError(.openMeteo, status: 503, reason: "empty answer")),
        (
            .json("{\"latitude\": 1, \"current\": {", status: 200),
            .malformedResponse(.openMeteo, detail: "body is not JSON")
        ),
        (.respond(status: 200, body: Data()), .malformedResponse(.openMeteo, detail: "empty body")),
        (.json("[1,2,3]"), .malformedResponse(.openMeteo, detail: "forecast answer is not a JSON object")),
        (
            .json(#"{"latitude":1,"longitude":2,"current":{"time":"not a time"}}"#),
            .malformedResponse(.openMeteo, detail: "forecast answer holds no weather")
        ),
        (.truncated(status: 200, body: Data(#"{"current":"#.utf8), missing: 100), .network(.connectionClosed)),
        (.close, .network(.connectionClosed)),
    ])
    func faultsBecomeClearErrors(reply: FixtureServer.Reply, expected: WeatherError) async throws {
        let server = try FixtureServer { _ in reply }
        await #expect(throws: expected) {
            try await provider(server).forecast(for: Place(name: "X", latitude: 1, longitude: 2))
        }
    }

    @Test func hourlyDataOnlyForOtherDatesIsShownAsItCame() async throws {
        // No current block, and hours of another day (a server with its own clock, or a past request)
        let body = #"""
            {"utc_offset_seconds":-10800,"timezone":"America/Sao_Paulo",
             "hourly":{"time":["2023-10-25T00:00","2023-10-25T01:00","2023-10-25T02:00"],
                       "temperature_2m":[21.5,20.9,null]}}
            """#
        let server = try FixtureServer { _ in .json(body) }
        let forecast = try await provider(server).forecast(
            for: Place(name: "Brasília", latitude: -15.75, longitude: -48))
        #expect(forecast.current == nil)
        #expect(forecast.hourly.map(\.temperature) == [21.5, 20.9, nil])
        #expect(forecast.utcOffsetSeconds == -10800)
    }

    @Test func slowServerTimesOutWithTheConfiguredLimit() async throws {
        let server = try FixtureServer { _ in .delayed(seconds: 3, then: .json("{}")) }
        let openMeteo = OpenMeteoProvider(
            geocodingURL: server.baseURL, forecastURL: server.baseURL, airQualityURL: server.baseURL,
            http: CurlHTTPClient(options: .init(connectTimeout: 1, totalTimeout: 0.2)))
        await #expect(throws: WeatherError.network(.timeout(seconds: 0.2))) {
            try await openMeteo.search(try #require(PlaceQuery("Paris")), limit: 1)
        }
    }
}
