import ArgumentParser
import WeatherCore

/// meteo's documented exit codes.
enum ExitStatus {
    static let placeNotFound = ExitCode(3)
    static let networkOrProvider = ExitCode(4)
    static let configuration = ExitCode(5)

    /// The exit code that tells a script what kind of failure `error` was.
    static func code(for error: WeatherError) -> ExitCode {
        switch error {
        case .placeNotFound: placeNotFound
        case .missingAPIKey, .invalidAPIKey: configuration
        case .network, .rateLimited, .providerError, .malformedResponse: networkOrProvider
        }
    }
}
