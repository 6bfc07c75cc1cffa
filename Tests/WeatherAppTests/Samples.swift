import Foundation
import TextFormats
import WeatherApp
import WeatherCore
import WeatherTestSupport

/// Fixed data for core tests and golden screens: the same on every machine and every day.
enum Samples {
    static let now = Date(timeIntervalSince1970: 1_795_788_000)  // 2026-11-27T14:00:00Z

    static let paris = Place(
        name: "Paris", admin1: "Île-de-France", country: "France", countryCode: "FR", latitude: 48.8534,
        longitude: 2.3488, timezone: "Europe/Paris", population: 2_138_551)
    static let parisTexas = Place(
        name: "Paris", admin1: "Texas", country: "United States", countryCode: "US", latitude: 33.66,
        longitude: -95.55, timezone: "America/Chicago", population: 24_782)
    static let tokyo = Place(
        name: "Tokyo", admin1: "東京都", country: "Japan", countryCode: "JP", latitude: 35.69, longitude: 139.69,
        timezone: "Asia/Tokyo", population: 9_733_276)

    static func forecast(_ place: Place = paris, hours: Int = 48, days: Int = 7) -> Forecast {
        let start = Date(timeIntervalSince1970: 1_795_788_000)
        let hourly = (0..<hours).map { index -> HourlyForecast in
            let chance = Double(index * 7 % 100)
            let amount: Double = chance > 60 ? 0.8 : 0
            let uv: Double = index < 3 ? 1.4 - Double(index) * 0.5 : 0
            let temperature: Double = 9 + 4 * sin(Double(index) / 24 * 2 * .pi)
            return HourlyForecast(
                time: start.addingTimeInterval(Double(index) * 3600), temperature: temperature,
                precipitationProbability: chance, precipitation: amount, weatherCode: [0, 2, 3, 61][index % 4],
                uvIndex: uv)
        }
        let daily = (0..<days).map { index -> DailyForecast in
            let date = LocalDate(year: 2026, month: 11, day: 27 + min(index, 3)).adding(days: max(0, index - 3))
            // 08:12 and 16:58 at the place (UTC+1), as late November in Paris
            let sunrise = Date(timeIntervalSince1970: 1_795_763_520 + Double(index) * 86_400)
            let sunset = Date(timeIntervalSince1970: 1_795_795_080 + Double(index) * 86_400)
            let low: Double = 4 + Double(index % 2)
            let high: Double = 13 + Double(index % 3)
            return DailyForecast(
                date: date, temperatureMin: low, temperatureMax: high, weatherCode: [2, 3, 61, 80, 3, 1, 0][index % 7],
                precipitationSum: 0, precipitationProbability: 10, sunrise: sunrise, sunset: sunset,
                daylightSeconds: 31_560, uvIndexMax: 3.2)
        }
        var forecast = Forecast(
            place: place, provider: .openMeteo, utcOffsetSeconds: 3600,
            current: Conditions(
                time: start.addingTimeInterval(900), temperature: 9.3, apparentTemperature: 6.9, weatherCode: 0,
                humidity: 71, windSpeed: 14.8, windDirection: 225, pressure: 1016.3, precipitation: 0, isDay: true,
                uvIndex: 1.4),
            hourly: hourly, daily: daily, fetchedAt: now)
        forecast.airQuality = AirQuality(
            europeanAQI: 23, usAQI: 41, pm25: 8.2, pm10: 14.6, ozone: 52, nitrogenDioxide: 12.4)
        return forecast
    }

    /// Record `index`, kept `index` hours before `now`.
    static func record(_ index: Int, place: Place = paris) -> WeatherRecord {
        let time = now.addingTimeInterval(-Double(index) * 3600)
        return SampleRecord.make(
            index, place: place, observedAt: time, recordedAt: time, temperature: 5 + Double(index % 10),
            weatherCode: [0, 2, 3, 61, 71][index % 5], humidity: 60, units: .metric)
    }

    static func state(_ size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(size: size, units: .metric, language: .english, ascii: false, now: now, localOffset: 3600)
    }
}

extension LocalDate {
    func adding(days: Int) -> LocalDate {
        let civil = CivilCalendar.date(days: daysSinceEpoch + days)
        return LocalDate(year: civil.year, month: civil.month, day: civil.day)
    }
}
