import RecordAPI
import RecordStore
import RecordSync
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The wiring of one run: settings from file, environment and flags, and the objects built from them.
///
/// This is the only place below `main` that reads the environment; everything else is handed values.
struct Runtime {
    let environment: [String: String]
    let settings: Settings

    /// Loads the configuration and prints its warnings.
    /// - Throws: `ConfigError` for a file or value that cannot be used.
    init(overrides: Settings.Overrides) throws(ConfigError) {
        environment = ProcessInfo.processInfo.environment
        let named = !(environment["METEO_CONFIG"] ?? "").isEmpty
        let file = try ConfigFile.load(path: Paths.configFile(environment), required: named)
        for warning in file.warnings { Console.warning(warning) }
        settings = try Settings.resolve(file: file.values, environment: environment, overrides: overrides)
        Console.ascii = settings.ascii
        Console.language = settings.language
    }

    /// The time this run takes as now: `METEO_NOW` (RFC 3339) when set, for tests and for replaying what an
    /// old cache would show; the clock otherwise.
    var clock: @Sendable () -> Date {
        guard let text = environment["METEO_NOW"], let fixed = CivilTime.parseRFC3339(text) else { return { Date() } }
        return { fixed }
    }

    func makeHTTPClient() -> CurlHTTPClient {
        CurlHTTPClient(options: .init(connectTimeout: settings.connectTimeout, totalTimeout: settings.timeout))
    }

    /// The HTTP client of weather requests: through the logged-in meteo-records' gateway when `weather` is
    /// `service`, else straight to the providers.
    /// - Throws: `WeatherServiceNotSetUp` without a record service, `SyncError.insecureURL` for plain http.
    func makeWeatherHTTPClient() throws -> any HTTPClient {
        guard settings.weather == .service else { return makeHTTPClient() }
        let endpoint: SyncEndpoint
        do {
            endpoint = try syncEndpoint()
        } catch .notConfigured {
            throw WeatherServiceNotSetUp()
        }
        return GatewayHTTPClient(serviceURL: endpoint.baseURL, token: endpoint.token, http: makeHTTPClient())
    }

    /// The provider, over `http`; through the gateway (`GatewayHTTPClient`) its URLs are the service's and
    /// OpenWeatherMap's key is the service's, never sent from here.
    func makeProvider(http: any HTTPClient) -> any WeatherProvider {
        let service = (http as? GatewayHTTPClient)?.serviceURL
        func base(_ upstream: GatewayUpstream, _ direct: String) -> String {
            service.map { $0 + upstream.prefix } ?? direct
        }
        switch settings.provider {
        case .openMeteo:
            return OpenMeteoProvider(
                geocodingURL: base(.geocoding, settings.geocodingURL),
                forecastURL: base(.forecast, settings.forecastURL),
                airQualityURL: base(.airQuality, settings.airQualityURL), language: settings.language,
                http: http, now: clock)
        case .openWeatherMap:
            return OpenWeatherMapProvider(
                baseURL: base(.openWeatherMap, settings.owmURL), apiKey: service == nil ? settings.owmAPIKey : nil,
                keyHeldByService: service != nil, language: settings.language, http: http, now: clock)
        }
    }

    /// The path of the request whose answer is the weather, under the gateway.
    var gatewayWeatherPath: String {
        switch settings.provider {
        case .openMeteo: GatewayUpstream.forecast.prefix + "/v1/forecast"
        case .openWeatherMap: GatewayUpstream.openWeatherMap.prefix + "/data/2.5/weather"
        }
    }

    /// The weather for `target` (the network, else the offline cache), or one clear line and its exit code;
    /// with how the gateway's cache answered, when it did.
    func forecast(for target: WeatherLookup.Target) async throws -> (
        result: WeatherLookup.Result, gateway: GatewayCacheOutcome?
    ) {
        do {
            let http = try makeWeatherHTTPClient()
            let lookup = WeatherLookup(
                provider: makeProvider(http: http), cache: ForecastCache(directory: settings.cacheDirectory),
                now: clock)
            let result = try await lookup.forecast(for: target)
            let outcome = result.isStale ? nil : (http as? GatewayHTTPClient)?.outcome(path: gatewayWeatherPath)
            return (result, outcome)
        } catch {
            throw ErrorLog.fail(error)
        }
    }

    /// `body` on the record store: a store that cannot be opened, or work on it that fails, is one line and its
    /// exit code (the block every record command began with).
    func withStore<T>(_ body: (SQLiteRecordStore) throws -> T) throws -> T {
        let store = try openStore()
        do {
            return try body(store)
        } catch {
            throw ErrorLog.fail(error)
        }
    }

    /// The record store at its configured path, or one clear line and exit code 6.
    func openStore() throws -> SQLiteRecordStore {
        do {
            return try SQLiteRecordStore(path: SQLiteRecordStore.defaultPath(environment: environment))
        } catch {
            Console.error(error.message(Console.labels))
            throw ExitStatus.recordStore
        }
    }

    /// The configured record service, when sync is set up.
    /// - Throws: `SyncError.notConfigured`, or `.insecureURL` for plain http to another machine without consent.
    func syncEndpoint() throws(SyncError) -> SyncEndpoint {
        guard let url = settings.recordsURL, let token = settings.recordsToken else { throw .notConfigured }
        guard settings.recordsAllowInsecure || SyncEndpoint.isSafe(url) else { throw .insecureURL(url) }
        return SyncEndpoint(baseURL: url, token: token)
    }

    /// What `now` and `record` look up: coordinates, the place typed, or the configured default place;
    /// `nil` when none of them names one.
    func target(place: [String], latitude: Double?, longitude: Double?) -> WeatherLookup.Target? {
        if let latitude, let longitude { return .coordinates(latitude: latitude, longitude: longitude) }
        let text = place.isEmpty ? (settings.defaultPlace ?? "") : place.joined(separator: " ")
        return PlaceQuery(text).map { .query($0) }
    }
}

/// `weather = "service"` with no record service to go through.
struct WeatherServiceNotSetUp: UserFacingError {
    func message(_ labels: Labels) -> String { labels.say(.weatherServiceNotSetUp) }
}
