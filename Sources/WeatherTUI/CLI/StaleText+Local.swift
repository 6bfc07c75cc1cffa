import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension StaleText {
    /// When `fetchedAt` was, from `now`, in this machine's zone.
    static func now(fetchedAt: Date, now: Date = Date()) -> StaleText {
        return StaleText(fetchedAt: fetchedAt, now: now, localOffset: LocalClock.offset(at: now))
    }

    /// The one line that says why an offline result is shown and how old it is.
    static func warning(_ reason: WeatherError, _ stale: StaleText, forecast: Forecast) -> String {
        let labels = Console.labels
        let what = stale.phrase(labels, forecastHour: forecast.currentIsForecast == true)
        return labels.say(.showing, ["reason": reason.message(labels), "what": what])
    }
}
