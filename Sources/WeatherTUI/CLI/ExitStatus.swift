import CommandLineKit
import RecordStore
import RecordSync
import WeatherCore

/// meteo's documented exit codes.
enum ExitStatus {
    static let notFound = ExitCode(3)
    static let networkOrProvider = ExitCode(4)
    static let configuration = ExitCode(5)
    static let recordStore = ExitCode(6)
    static let usage = ExitCode(64)

    /// The exit code that tells a script what kind of failure `error` was.
    static func code(for error: any Error) -> ExitCode {
        switch error {
        case let error as WeatherError:
            switch error {
            case .placeNotFound: notFound
            case .missingAPIKey, .invalidAPIKey: configuration
            case .network, .rateLimited, .providerError, .malformedResponse, .outdated: networkOrProvider
            }
        case let error as RecordStoreError:
            switch error {
            case .notFound, .ambiguous: notFound
            case .invalidRecord, .duplicateID, .emptyInput: usage
            default: recordStore
            }
        case let error as SyncError:
            switch error {
            case .notConfigured, .insecureURL, .rejectedToken: configuration
            case .store(let error): code(for: error)
            case .unreachable, .incompatible, .serverFailed, .refused, .invalidResponse: networkOrProvider
            }
        case is WeatherServiceNotSetUp: configuration
        default: ExitCode(1)
        }
    }
}
