import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Search: a query typed and sent, places found or not, a forecast loaded or failed.
extension AppState {
    mutating func submitSearch() -> [Effect] {
        let text = query.text.trimmedWhitespace()
        guard !text.isEmpty else {
            status = .error("Type a place first, e.g. Paris or Springfield, MO.")
            return []
        }
        var effects = cancelActive()
        lastRequestID += 1
        activeRequest = lastRequestID
        status = .working("Searching \(text)…")
        effects.append(.searchPlaces(text, requestID: lastRequestID))
        return effects
    }

    mutating func placesFound(_ places: [Place], query text: String, requestID: Int) -> [Effect] {
        guard requestID == activeRequest else { return [] }
        switch places.count {
        case 0:
            activeRequest = nil
            status = .error("No place called \(TerminalText.quoted(text)). Check the spelling.")
            return []
        case 1:
            status = .working("Fetching the weather for \(places[0].name)…")
            return [.fetchForecast(places[0], requestID: requestID)]
        default:
            activeRequest = nil
            status = .idle
            overlay = .pickList(places, selected: 0)
            return []
        }
    }

    mutating func forecastLoaded(_ forecast: Forecast, staleReason: String?, requestID: Int) -> [Effect] {
        guard requestID == activeRequest else { return [] }
        activeRequest = nil
        result = Result(forecast: forecast, staleReason: staleReason)
        opened = nil
        focus = .result
        if let staleReason {
            let stale = StaleText(fetchedAt: forecast.fetchedAt, now: now, localOffset: localOffset)
            status = .warning("\(staleReason) Showing \(stale.phrase).")
        } else {
            status = .idle
        }
        return []
    }

    mutating func requestFailed(_ message: String, requestID: Int) -> [Effect] {
        guard requestID == activeRequest else { return [] }
        activeRequest = nil
        status = .error(message)
        return []
    }

    /// Esc: the request running, if any, else an error on the status line.
    mutating func cancel() -> [Effect] {
        if activeRequest != nil {
            let effects = cancelActive()
            status = .info("Cancelled.")
            return effects
        }
        if case .error = status { status = .idle }
        return []
    }

    mutating func fetch(_ place: Place) -> [Effect] {
        var effects = cancelActive()
        lastRequestID += 1
        activeRequest = lastRequestID
        status = .working("Fetching the weather for \(place.name)…")
        effects.append(.fetchForecast(place, requestID: lastRequestID))
        return effects
    }

    mutating func cancelActive() -> [Effect] {
        guard let active = activeRequest else { return [] }
        activeRequest = nil
        return [.cancelRequest(active)]
    }
}
