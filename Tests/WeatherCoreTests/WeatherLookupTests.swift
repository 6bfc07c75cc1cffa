import Foundation
import Synchronization
import Testing
import WeatherTestSupport

@testable import WeatherCore

@Suite struct WeatherLookupTests {
    init() { CurlHTTPClient.globalInit() }

    /// A fixture server that can be switched into failing.
    final class Switchable: Sendable {
        final class Failure: Sendable { let reply = Mutex<FixtureServer.Reply?>(nil) }
        let failure = Failure()
        let server: FixtureServer

        init() throws {
            let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
            let failure = self.failure
            server = try FixtureServer { request in failure.reply.withLock { $0 } ?? routes.reply(to: request) }
        }
    }

    /// 2026-11-27T13:20:00Z: five minutes after the fixtures' current weather (14:15 in Paris).
    static let fixtureNow = Date(timeIntervalSince1970: 1_795_785_600)

    func lookup(_ server: FixtureServer, cache: ForecastCache, now: Date = fixtureNow) -> WeatherLookup {
        WeatherLookup(
            provider: OpenMeteoProvider(
                geocodingURL: server.baseURL, forecastURL: server.baseURL, airQualityURL: server.baseURL,
                http: CurlHTTPClient(),
                now: { Self.fixtureNow }),
            cache: cache, now: { now })
    }

    @Test func freshResultIsCachedAndServedStaleWhenTheServiceFails() async throws {
        // Given a good answer for Paris
        let folder = try TemporaryDirectory()
        let cache = ForecastCache(directory: folder.path + "/cache")
        let switchable = try Switchable()
        let fresh = try await lookup(switchable.server, cache: cache).forecast(
            for: .query(try #require(PlaceQuery("Paris"))))
        #expect(!fresh.isStale)
        await fresh.cacheWrite?.value

        // When the service starts failing
        switchable.failure.reply.withLock { $0 = .respond(status: 503, body: Data()) }
        let stale = try await lookup(switchable.server, cache: cache).forecast(
            for: .query(try #require(PlaceQuery("paris"))))

        // Then the cached result comes back, marked stale with the reason
        #expect(stale.isStale)
        #expect(stale.staleBecause == .providerError(.openMeteo, status: 503, reason: "empty answer"))
        #expect(stale.forecast == fresh.forecast)
    }

    @Test func refusedConnectionFallsBackButUnknownPlaceDoesNot() async throws {
        let folder = try TemporaryDirectory()
        let cache = ForecastCache(directory: folder.path)
        let switchable = try Switchable()
        let first = try await lookup(switchable.server, cache: cache).forecast(
            for: .coordinates(latitude: 48.8534, longitude: 2.3488))
        await first.cacheWrite?.value
        let base = switchable.server.baseURL
        switchable.server.stop()

        let offline = WeatherLookup(
            provider: OpenMeteoProvider(
                geocodingURL: base, forecastURL: base, airQualityURL: base, http: CurlHTTPClient()), cache: cache,
            now: { Self.fixtureNow })
        let stale = try await offline.forecast(for: .coordinates(latitude: 48.8534, longitude: 2.3488))
        #expect(stale.staleBecause == .network(.connectionRefused(host: "127.0.0.1")))
        await #expect(throws: WeatherError.network(.connectionRefused(host: "127.0.0.1"))) {
            try await offline.forecast(for: .query(try #require(PlaceQuery("Never Asked"))))
        }
    }

    @Test func anOldCacheShowsWhatItsForecastSaidForThisHourAndATooOldOneIsRefused() async throws {
        // Given Paris fetched at 13:20 UTC (current weather 14:15 local) and the service then failing
        let folder = try TemporaryDirectory()
        let cache = ForecastCache(directory: folder.path)
        let switchable = try Switchable()
        let paris = try #require(PlaceQuery("Paris"))
        let fresh = try await lookup(switchable.server, cache: cache).forecast(for: .query(paris))
        await fresh.cacheWrite?.value
        switchable.failure.reply.withLock { $0 = .respond(status: 503, body: Data()) }

        // When it is asked for three hours later: the current block is old, the forecast still covers the hour
        let later = Self.fixtureNow.addingTimeInterval(3 * 3600)
        let stale = try await lookup(switchable.server, cache: cache, now: later).forecast(for: .query(paris))
        // Then "now" is what the forecast said for 17:00 local (16:00 UTC), marked as a forecast, and the hours
        // already past are gone
        let hour = try #require(fresh.forecast.hourly.first { $0.time == Date(timeIntervalSince1970: 1_795_795_200) })
        #expect(stale.isStale)
        #expect(stale.forecast.currentIsForecast == true)
        #expect(stale.forecast.current?.time == hour.time)
        #expect(stale.forecast.current?.temperature == hour.temperature)
        #expect(stale.forecast.current?.humidity == nil)
        #expect(stale.forecast.hourly.first?.time == hour.time)

        // When it is asked after its last hour: it is not shown as the weather now
        let tooLate = Self.fixtureNow.addingTimeInterval(3 * 86400)
        await #expect(
            throws: WeatherError.outdated(
                fetchedAt: Self.fixtureNow, cause: .providerError(.openMeteo, status: 503, reason: "empty answer"))
        ) {
            try await lookup(switchable.server, cache: cache, now: tooLate).forecast(for: .query(paris))
        }
        let outdated = WeatherError.outdated(fetchedAt: Self.fixtureNow, cause: .network(.connectionClosed))
        #expect(
            outdated.message(.forLanguage(.english), now: tooLate, localOffset: 3600)
                == "The connection closed before the answer was complete. Try again. The last result for this place "
                + "is from 27 Nov 14:20 (3 days ago): too old to show as the weather now.")
        #expect(
            outdated.message(.forLanguage(.german), now: tooLate, localOffset: 3600)
                == "Die Verbindung wurde vor dem Ende der Antwort geschlossen. Erneut versuchen. Das letzte Ergebnis "
                + "für diesen Ort ist von 27. Nov. 14:20 (vor 3 Tg.): zu alt, um als Wetter jetzt zu gelten.")
    }

    @Test func aPlaceThatDoesNotExistIsNotHiddenByTheCache() async throws {
        let folder = try TemporaryDirectory()
        let switchable = try Switchable()
        await #expect(throws: WeatherError.placeNotFound(query: "Atlantis")) {
            try await lookup(switchable.server, cache: ForecastCache(directory: folder.path))
                .forecast(for: .query(try #require(PlaceQuery("Atlantis"))))
        }
    }

    @Test func cacheIgnoresCorruptFilesAndForeignKeys() throws {
        let folder = try TemporaryDirectory()
        let cache = ForecastCache(directory: folder.path)
        let forecast = Forecast(
            place: Place(name: "A", latitude: 1, longitude: 2), provider: .openMeteo, utcOffsetSeconds: 0,
            current: Conditions(time: Date(timeIntervalSince1970: 100), temperature: 1),
            fetchedAt: Date(timeIntervalSince1970: 100))
        try cache.store(forecast, key: "k1")
        #expect(cache.load(key: "k1") == forecast)
        #expect(cache.load(key: "k2") == nil)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: cache.path(for: "k1")))
        #expect(cache.load(key: "k1") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
    }
}

@Suite struct WeatherReportTests {
    static let forecast = Forecast(
        place: Place(
            name: "São Paulo", admin1: nil, country: "Brazil", countryCode: "BR", latitude: -23.5475,
            longitude: -46.63611, timezone: "America/Sao_Paulo"),
        provider: .openMeteo, utcOffsetSeconds: -10800,
        current: Conditions(
            time: Date(timeIntervalSince1970: 1_795_791_600), temperature: 23.5, apparentTemperature: nil,
            weatherCode: 3,
            humidity: 60, windSpeed: 10.2, windDirection: 90, pressure: 1012, precipitation: 0),
        hourly: [
            HourlyForecast(
                time: Date(timeIntervalSince1970: 1_795_791_600), temperature: 23, precipitationProbability: 10)
        ],
        daily: [
            DailyForecast(
                date: LocalDate(year: 2026, month: 11, day: 27), temperatureMin: 18, temperatureMax: 27.26,
                weatherCode: 61)
        ],
        fetchedAt: Date(timeIntervalSince1970: 1_795_791_852))

    func decoded(_ units: Units, stale: Bool = false) throws -> [String: Any] {
        let text = WeatherReport(forecast: Self.forecast, units: units, language: .english, stale: stale).json()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonHasEveryDocumentedFieldWithNullForWhatWasNotSent() throws {
        let json = try decoded(.metric)
        let place = try #require(json["place"] as? [String: Any])
        let current = try #require(json["current"] as? [String: Any])
        for key in ["name", "admin1", "country_code", "latitude", "longitude", "timezone"] {
            #expect(place.keys.contains(key), "place.\(key)")
        }
        for key in [
            "time", "temperature", "apparent_temperature", "weather_code", "description", "humidity", "wind_speed",
            "wind_direction", "pressure", "precipitation",
        ] {
            #expect(current.keys.contains(key), "current.\(key)")
        }
        #expect(place["admin1"] is NSNull)
        #expect(current["apparent_temperature"] is NSNull)
        #expect(place["name"] as? String == "São Paulo")
        #expect(current["time"] as? String == "2026-11-27T12:00:00-03:00")
        #expect(current["description"] as? String == "Overcast")
        #expect(json["provider"] as? String == "open-meteo")
        #expect(json["fetched_at"] as? String == "2026-11-27T15:04:12Z")
        #expect(json["stale"] as? Bool == false)
        #expect((json["units"] as? [String: Any])?["temperature"] as? String == "°C")
        #expect((json["hourly"] as? [[String: Any]])?.first?["precipitation_probability"] as? Double == 10)
        #expect((json["daily"] as? [[String: Any]])?.first?["temperature_max"] as? Double == 27.3)
        #expect((json["daily"] as? [[String: Any]])?.first?["date"] as? String == "2026-11-27")
    }

    @Test func imperialValuesAndStaleFlag() throws {
        let json = try decoded(.imperial, stale: true)
        let current = try #require(json["current"] as? [String: Any])
        #expect(current["temperature"] as? Double == 74.3)
        #expect(current["wind_speed"] as? Double == 6.3)
        #expect(current["pressure"] as? Double == 29.88)
        #expect((json["units"] as? [String: Any])?["wind_speed"] as? String == "mph")
        #expect(json["stale"] as? Bool == true)
    }

    @Test func textBlockAndOneLine() {
        let stale = StaleText(
            fetchedAt: Self.forecast.fetchedAt, now: Self.forecast.fetchedAt.addingTimeInterval(7200), localOffset: 0)
        let report = TextReport(
            forecast: Self.forecast, units: .metric, language: .english, ascii: true, stale: stale)
        #expect(report.oneLine() == "São Paulo: = 23.5°C Overcast, wind 10 km/h E (stale 2 h)")
        let plain = report.plain()
        #expect(
            plain.hasPrefix(
                "São Paulo, BR · 12:00 (UTC-03:00)\n(stale: Open-Meteo from 15:04 your time, 2 h ago)\n=  Overcast\n")
        )
        #expect(plain.contains("Temperature    23.5°C\n"))
        #expect(plain.contains("Fri 27  ' 18C / 27C  Light rain"))
        #expect(!plain.contains("feels like"))
    }
}
