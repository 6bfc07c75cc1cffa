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
        let file = try ConfigFile.load(path: Paths.configFile(environment))
        for warning in file.warnings { Console.warning(warning) }
        settings = try Settings.resolve(file: file.values, environment: environment, overrides: overrides)
    }

    func makeHTTPClient() -> CurlHTTPClient {
        CurlHTTPClient(options: .init(connectTimeout: settings.connectTimeout, totalTimeout: settings.timeout))
    }

    func makeProvider(http: any HTTPClient) -> any WeatherProvider {
        switch settings.provider {
        case .openMeteo:
            OpenMeteoProvider(
                geocodingURL: settings.geocodingURL, forecastURL: settings.forecastURL, language: settings.language,
                http: http)
        case .openWeatherMap:
            OpenWeatherMapProvider(
                baseURL: settings.owmURL, apiKey: settings.owmAPIKey, language: settings.language, http: http)
        }
    }

    func makeLookup() -> WeatherLookup {
        WeatherLookup(
            provider: makeProvider(http: makeHTTPClient()), cache: ForecastCache(directory: settings.cacheDirectory))
    }
}
