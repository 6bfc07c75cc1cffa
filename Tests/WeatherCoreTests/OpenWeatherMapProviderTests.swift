import Foundation
import Testing
import WeatherTestSupport

@testable import WeatherCore

/// OpenWeatherMap over real libcurl against the fixture server.
@Suite struct OpenWeatherMapProviderTests {
    init() { CurlHTTPClient.globalInit() }

    func fixtures() throws -> FixtureServer {
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        return try FixtureServer { routes.reply(to: $0) }
    }

    func provider(_ server: FixtureServer, key: String? = "valid-key", language: Language = .english)
        -> OpenWeatherMapProvider
    {
        OpenWeatherMapProvider(baseURL: server.baseURL, apiKey: key, language: language, http: CurlHTTPClient())
    }

    @Test func searchAndCurrentWeatherInMetric() async throws {
        let server = try fixtures()
        let owm = provider(server)
        let place = try await owm.resolve(try #require(PlaceQuery("Paris")))
        #expect(place.countryCode == "FR")
        #expect(place.admin1 == "Ile-de-France")
        let forecast = try await owm.forecast(for: place)

        // The current weather and the 5-day forecast, asked together
        let weather = try #require(server.requests.last { $0.path == "/data/2.5/weather" })
        #expect(server.requests.contains { $0.path == "/data/2.5/forecast" && $0.query["units"] == "metric" })
        #expect(weather.query["units"] == "metric")
        #expect(weather.query["appid"] == "valid-key")
        let current = try #require(forecast.current)
        #expect(current.temperature == 7.4)
        #expect(current.apparentTemperature == 4.9)
        #expect(abs((current.windSpeed ?? 0) - 4.1 * 3.6) < 1e-9)
        #expect(current.weatherCode == 3)
        #expect(forecast.utcOffsetSeconds == 3600)
        #expect(forecast.hourly.count == 46)
        // The first step ends at 16:00 UTC: its hours end at 14:00, 15:00 and 16:00, and only the last is after now
        #expect(forecast.hourly.first?.time == Date(timeIntervalSince1970: 1_795_795_200))
        #expect(forecast.provider == .openWeatherMap)
    }

    @Test func localNamesFollowTheLanguageAndQualifiersNarrow() async throws {
        let server = try fixtures()
        #expect(
            try await provider(server, language: .french).resolve(try #require(PlaceQuery("London"))).name == "Londres")
        #expect(try await provider(server).resolve(try #require(PlaceQuery("Paris, TX"))).admin1 == "Texas")
    }

    @Test func oldShapeWithStringCodAndRainIsRead() async throws {
        let server = try fixtures()
        let forecast = try await provider(server).forecast(
            for: Place(name: "London", latitude: 51.5073, longitude: -0.1276))
        let current = try #require(forecast.current)
        #expect(current.precipitation == 1.4)
        #expect(current.apparentTemperature == nil)
        #expect(current.windDirection == nil)
        #expect(forecast.utcOffsetSeconds == 0)
    }

    @Test func keyProblemsAreNamed() async throws {
        let server = try fixtures()
        await #expect(throws: WeatherError.missingAPIKey(.openWeatherMap)) {
            try await provider(server, key: "  ").resolve(try #require(PlaceQuery("Paris")))
        }
        #expect(server.requests.isEmpty)
        await #expect(throws: WeatherError.invalidAPIKey(.openWeatherMap)) {
            try await provider(server, key: "wrong").resolve(try #require(PlaceQuery("Paris")))
        }
    }

    @Test(arguments: [
        (
            // A 404 from the weather call is the provider failing: its message is not a place's name.
            FixtureServer.Reply.json(#"{"cod":"404","message":"city not found"}"#, status: 404),
            WeatherError.providerError(.openWeatherMap, status: 404, reason: "city not found")
        ),
        (
            .json(
                #"{"cod":429,"message":"Your account is temporary blocked"}"#, status: 429,
                headers: ["Retry-After": "60"]),
            .rateLimited(.openWeatherMap, retryAfterSeconds: 60)
        ),
        (
            .json(#"{"cod":"500","message":"Internal error"}"#, status: 200),
            .providerError(.openWeatherMap, status: 500, reason: "Internal error")
        ),
        (.json(#"{"cod":401,"message":"Invalid API key"}"#, status: 200), .invalidAPIKey(.openWeatherMap)),
        (
            .json(#"{"cod":200,"name":"X"}"#),
            .malformedResponse(.openWeatherMap, detail: "weather answer has no `main` block")
        ),
        (
            .respond(status: 502, body: Data("Bad Gateway".utf8)),
            .providerError(.openWeatherMap, status: 502, reason: "unexpected answer")
        ),
    ])
    func faultsBecomeClearErrors(reply: FixtureServer.Reply, expected: WeatherError) async throws {
        let server = try FixtureServer { _ in reply }
        await #expect(throws: expected) {
            try await provider(server).forecast(for: Place(name: "X", latitude: 1, longitude: 2))
        }
    }

    @Test func apiKeyNeverAppearsInRedactedURLs() {
        let url = "https://api.openweathermap.org/data/2.5/weather?lat=1&lon=2&appid=SECRET123&lang=en"
        let shown = URLBuilder.redacted(url)
        #expect(!shown.contains("SECRET123"))
        #expect(shown.contains("appid=REDACTED"))
        #expect(shown.contains("lat=1"))
    }
}
