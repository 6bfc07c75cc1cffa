import Foundation
import Testing
import TextFormats

@testable import WeatherCore

/// Replays the real answers kept in ../shared/fixtures/weather-api through the decoders.
///
/// The folder sits beside the checkout (CI always has it); it is read, never copied into the project.
/// When it is missing the test says so, and fails if METEO_REQUIRE_RECORDED_ANSWERS=1 (as `make test` sets in CI).
@Suite struct RecordedAnswersConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/fixtures/weather-api").standardizedFileURL

    static var files: [URL] { files(in: folder) }

    /// The JSON files of `folder`, by name; none when it is not there.
    static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func folderIsThereOrItsAbsenceIsSaid() {
        if Self.files.isEmpty {
            print("note: no recorded answers at \(Self.folder.path): the conformance replay ran on nothing")
            #expect(ProcessInfo.processInfo.environment["METEO_REQUIRE_RECORDED_ANSWERS"] != "1")
        } else {
            #expect(Self.files.count >= 10)
        }
    }

    @Test(arguments: files)
    func everyRecordedAnswerDecodesToAResultOrAClearError(file: URL) throws {
        let name = file.lastPathComponent
        let data = try Data(contentsOf: file)
        let status = Self.status(in: name)
        let response = HTTPResponse(status: status, body: data)
        let json = JSONValue.parse(data)
        #expect(json != nil, "\(name) is JSON")

        switch name {
        case let n where n.hasPrefix("openmeteo-geocoding-"):
            let places = try OpenMeteoDecoder.places(
                status: status, json: json, response: response, transport: transport(.openMeteo))
            if n.contains("noresults") {
                #expect(places.isEmpty)
            } else {
                let first = try #require(places.first)
                #expect(!first.name.isEmpty)
                #expect(Place.isValid(latitude: first.latitude, longitude: first.longitude))
            }
        case let n where n.hasPrefix("openmeteo-forecast-error-"):
            #expect(throws: WeatherError.self) {
                try OpenMeteoDecoder.forecast(
                    status: status, json: json, response: response, place: Self.somewhere, fetchedAt: Self.epoch,
                    transport: transport(.openMeteo))
            }
            do {
                _ = try OpenMeteoDecoder.forecast(
                    status: status, json: json, response: response, place: Self.somewhere, fetchedAt: Self.epoch,
                    transport: transport(.openMeteo))
            } catch {
                switch error {
                case .providerError(_, _, let reason): #expect(!reason.isEmpty)
                case .rateLimited: break
                default: Issue.record("\(name): \(error) is not the provider's own error")
                }
            }
        case let n where n.hasPrefix("openmeteo-forecast-"):
            let forecast = try OpenMeteoDecoder.forecast(
                status: status, json: json, response: response, place: Self.somewhere, fetchedAt: Self.epoch,
                transport: transport(.openMeteo))
            #expect(forecast.current?.temperature != nil || !forecast.hourly.isEmpty, "\(name) holds weather")
            #expect(forecast.hourly.count <= 48)
            #expect(forecast.daily.count <= 7)
            #expect(forecast.place.timezone != nil)
        case let n where n.hasPrefix("owm-error-"):
            #expect(throws: WeatherError.self) {
                try OpenWeatherMapDecoder.checkError(
                    status: status, json: json, response: response, transport: transport(.openWeatherMap))
            }
        case let n where n.hasPrefix("owm-weather-"):
            try OpenWeatherMapDecoder.checkError(
                status: status, json: json, response: response, transport: transport(.openWeatherMap))
            let forecast = try OpenWeatherMapDecoder.forecast(json: json, place: Self.somewhere, fetchedAt: Self.epoch)
            let current = try #require(forecast.current)
            #expect(current.temperature != nil)
            #expect(current.weatherCode != nil)
            #expect(current.humidity != nil)
        default:
            Issue.record("no decoder is known for \(name)")
        }
    }

    static let somewhere = Place(name: "Somewhere", latitude: 0, longitude: 0)
    static let epoch = Date(timeIntervalSince1970: 0)

    /// "…-error-429-…" answered with that status; every other file with 200.
    static func status(in name: String) -> Int {
        let parts = name.split(separator: "-")
        guard let index = parts.firstIndex(of: "error"), index + 1 < parts.count, let code = Int(parts[index + 1])
        else { return 200 }
        return code
    }

    func transport(_ provider: ProviderID) -> ProviderTransport {
        ProviderTransport(provider: provider, http: CurlHTTPClient())
    }
}

/// Replays the extra recorded answers (../shared/fixtures/weather-api-extra): air quality, forecasts with the
/// sun, UV and quarter hours (some with `timeformat=unixtime`), OpenWeatherMap's air pollution and 5-day
/// forecasts. Each decodes to a result or to a clear error; required under CI as the first folder is.
@Suite struct ExtraRecordedAnswersConformanceTests {
    static let folder = RecordedAnswersConformanceTests.folder.deletingLastPathComponent()
        .appendingPathComponent("weather-api-extra")

    static var files: [URL] { RecordedAnswersConformanceTests.files(in: folder) }

    @Test func folderIsThereOrItsAbsenceIsSaid() {
        if Self.files.isEmpty {
            print("note: no extra recorded answers at \(Self.folder.path): the replay ran on nothing")
            #expect(ProcessInfo.processInfo.environment["METEO_REQUIRE_RECORDED_ANSWERS"] != "1")
        } else {
            #expect(Self.files.count >= 15)
        }
    }

    @Test(arguments: files)
    func everyExtraAnswerDecodesToAResultOrAClearError(file: URL) throws {
        let name = file.lastPathComponent
        let data = try Data(contentsOf: file)
        let status = RecordedAnswersConformanceTests.status(in: name)
        let response = HTTPResponse(status: status, body: data)
        let json = JSONValue.parse(data)
        #expect(json != nil, "\(name) is JSON")
        let openMeteo = ProviderTransport(provider: .openMeteo, http: CurlHTTPClient())
        let owm = ProviderTransport(provider: .openWeatherMap, http: CurlHTTPClient())
        let somewhere = RecordedAnswersConformanceTests.somewhere
        // Late in each recording's first day: the hour that holds "now" is in the answer.
        let now = Date(timeIntervalSince1970: 1_790_000_000)

        switch name {
        case let n where n.hasPrefix("openmeteo-airquality-"):
            let air = try OpenMeteoDecoder.airQuality(
                status: status, json: json, response: response, now: now, transport: openMeteo)
            if n.contains("-co-") {
                // Carbon monoxide only: nothing meteo shows
                #expect(air == nil)
            } else {
                let quality = try #require(air, "\(name)")
                #expect(quality.europeanAQI != nil || quality.usAQI != nil || quality.pm25 != nil)
                if n.contains("eaqi") { #expect(quality.europeanAQI != nil) }
                if n.contains("us_aqi") { #expect(quality.usAQI != nil) }
            }
        case let n where n.hasPrefix("openmeteo-forecast-"):
            let forecast = try OpenMeteoDecoder.forecast(
                status: status, json: json, response: response, place: somewhere, fetchedAt: now,
                transport: openMeteo)
            #expect(forecast.current != nil || !forecast.hourly.isEmpty, "\(name) holds weather")
            if n.contains("sunrise") {
                let day = try #require(forecast.daily.first)
                let sunrise = try #require(day.sunrise)
                let sunset = try #require(day.sunset)
                #expect(sunset > sunrise)
            }
            if n.contains("uv") {
                #expect(forecast.current?.uvIndex != nil || forecast.daily.first?.uvIndexMax != nil)
            }
            if n.contains("minutely_15") { #expect(forecast.quarterHours?.isEmpty == false, "\(name)") }
            if n.contains("unixtime") { #expect(forecast.hourly.first?.time != nil) }
            // Whatever came, the outlook reads it without a trap
            _ = Outlook(forecast, now: forecast.current?.time ?? now).lines(.forLanguage(.english))
        case let n where n.hasPrefix("owm-airpollution-error-"):
            #expect(throws: WeatherError.self) {
                try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: owm)
            }
        case let n where n.hasPrefix("owm-airpollution-"):
            try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: owm)
            let air = try #require(OpenWeatherMapDecoder.airQuality(json: json), "\(name)")
            #expect(air.owmIndex != nil)
            #expect(air.pm25 != nil)
        case let n where n.hasPrefix("owm-forecast-error-"):
            #expect(throws: WeatherError.self) {
                try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: owm)
            }
        case let n where n.hasPrefix("owm-forecast-"):
            try OpenWeatherMapDecoder.checkError(status: status, json: json, response: response, transport: owm)
            var forecast = Forecast(
                place: somewhere, provider: .openWeatherMap, utcOffsetSeconds: 0, current: nil,
                fetchedAt: Date(timeIntervalSince1970: 0))
            OpenWeatherMapDecoder.merge(fiveDay: json, into: &forecast)
            #expect(!forecast.hourly.isEmpty, "\(name)")
            #expect(!forecast.daily.isEmpty)
            #expect(forecast.hourly.allSatisfy { ($0.precipitationProbability ?? 0) <= 100 })
        default:
            Issue.record("no decoder is known for \(name)")
        }
    }
}
