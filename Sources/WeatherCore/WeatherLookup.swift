#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Turns what a person asked for into a forecast: geocode, fetch, keep the result, fall back to it offline.
public struct WeatherLookup: Sendable {
    /// What to look up: a typed name or coordinates.
    public enum Target: Sendable, Hashable {
        case query(PlaceQuery)
        case coordinates(latitude: Double, longitude: Double)
        /// A place already chosen (from a pick list or a record): no geocoding.
        case place(Place)
    }

    /// A forecast, and, when it came from the cache, the error that kept the fresh one away.
    public struct Result: Sendable {
        public var forecast: Forecast
        public var staleBecause: WeatherError?
        /// Why the air quality, asked beside the forecast, is missing from a fresh one.
        public var airQualityFailure: WeatherError? = nil
        /// The cache write of a fresh result, running beside whatever the caller does next; await it before exit.
        public var cacheWrite: Task<Void, Never>?

        public var isStale: Bool { staleBecause != nil }
    }

    public let provider: any WeatherProvider
    public let cache: ForecastCache?
    let now: @Sendable () -> Date

    public init(provider: any WeatherProvider, cache: ForecastCache?, now: @escaping @Sendable () -> Date = { Date() })
    {
        self.provider = provider
        self.cache = cache
        self.now = now
    }

    /// The fresh forecast for `target`, or the cached one when the network or the service failed.
    /// - Throws: `WeatherError` when there is neither.
    public func forecast(for target: Target) async throws(WeatherError) -> Result {
        let key = cacheKey(for: target)
        do {
            let place: Place =
                switch target {
                case .query(let query): try await provider.resolve(query)
                case .coordinates(let latitude, let longitude):
                    Place(name: Self.coordinateName(latitude, longitude), latitude: latitude, longitude: longitude)
                case .place(let place): place
                }
            // The air is asked at the same time as the weather, so it costs no round trip of its own; when only it
            // fails, the weather still comes, with the reason.
            async let air = Self.attempt { [provider] () async throws(WeatherError) in
                try await provider.airQuality(for: place)
            }
            var forecast = try await provider.forecast(for: place)
            var airFailure: WeatherError?
            switch await air {
            case .success(let quality): forecast.airQuality = quality
            case .failure(let error): airFailure = error
            }
            // A failed cache write costs only the offline fallback; the fresh answer still counts.
            let kept = forecast
            let write = cache.map { cache in Task.detached { _ = try? cache.store(kept, key: key) } }
            return Result(forecast: forecast, staleBecause: nil, airQualityFailure: airFailure, cacheWrite: write)
        } catch {
            if error.allowsStaleFallback, let cached = cache?.load(key: key) {
                // An old answer is shown only for what it still covers: never as the weather now once past.
                guard let present = cached.forPresent(at: now()) else {
                    throw .outdated(fetchedAt: cached.fetchedAt, cause: error)
                }
                return Result(forecast: present, staleBecause: error, cacheWrite: nil)
            }
            throw error
        }
    }

    private static func attempt<T: Sendable>(
        _ body: @Sendable () async throws(WeatherError) -> T
    ) async -> Swift.Result<T, WeatherError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    private func cacheKey(for target: Target) -> String {
        switch target {
        case .query(let query): ForecastCache.key(provider: provider.id, query: query)
        case .coordinates(let latitude, let longitude):
            ForecastCache.key(provider: provider.id, latitude: latitude, longitude: longitude)
        case .place(let place):
            ForecastCache.key(provider: provider.id, latitude: place.latitude, longitude: place.longitude)
        }
    }

    /// "48.8534, 2.3488": the name shown for a place given by coordinates.
    public static func coordinateName(_ latitude: Double, _ longitude: Double) -> String {
        "\(NumberText.fixed(latitude, 4)), \(NumberText.fixed(longitude, 4))"
    }
}
