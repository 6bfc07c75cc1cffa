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
            status = .error(labels.say(.typePlaceFirst))
            return []
        }
        var effects = cancelActive()
        lastRequestID += 1
        activeRequest = lastRequestID
        status = .working(labels.say(.searching, ["query": text]))
        effects.append(.searchPlaces(text, requestID: lastRequestID))
        return effects
    }

    mutating func placesFound(_ places: [Place], query text: String, requestID: Int) -> [Effect] {
        guard requestID == activeRequest else { return [] }
        switch places.count {
        case 0:
            activeRequest = nil
            status = .error(WeatherError.placeNotFound(query: text).message(labels))
            return []
        case 1:
            status = .working(labels.say(.fetching, ["place": places[0].name]))
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
            status = .warning(labels.say(.showing, ["reason": staleReason, "what": stale.phrase(labels)]))
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
            status = .info(labels.say(.cancelled))
            return effects
        }
        if case .error = status { status = .idle }
        return []
    }

    mutating func fetch(_ place: Place) -> [Effect] {
        var effects = cancelActive()
        lastRequestID += 1
        activeRequest = lastRequestID
        status = .working(labels.say(.fetching, ["place": place.name]))
        effects.append(.fetchForecast(place, requestID: lastRequestID))
        return effects
    }

    mutating func cancelActive() -> [Effect] {
        guard let active = activeRequest else { return [] }
        activeRequest = nil
        return [.cancelRequest(active)]
    }
}
