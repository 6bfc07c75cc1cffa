import CommandLineKit
import Glibc
import RecordStore
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Keeps what a one-line message leaves out (the underlying cause) in `$XDG_STATE_HOME/meteo/meteo.log`.
///
/// Only failures are written, never requests, tokens or record contents; the file is rotated at 1 MiB.
enum ErrorLog {
    static let limit = 1 << 20

    /// Prints `error`'s one line on stderr, logs its detail, and returns the exit code that names it.
    static func fail(_ error: any Error) -> ExitCode {
        let labels = Console.labels
        var message =
            (error as? any UserFacingError)?.message(labels)
            ?? labels.say(.unexpectedError, ["error": String(describing: error)])
        if let error = error as? WeatherError {
            let now = ProcessInfo.processInfo.environment["METEO_NOW"].flatMap(CivilTime.parseRFC3339) ?? Date()
            message = error.message(labels, now: now, localOffset: LocalClock.offset(at: now))
        }
        Console.error(message)
        if let detail = detail(of: error) { append("\(CivilTime.rfc3339(Date())) \(message) [\(detail)]") }
        return ExitStatus.code(for: error)
    }

    /// Logs `error`'s detail, if it has one (the screen shows its one-line message itself).
    static func note(_ error: any Error) {
        if let detail = detail(of: error) {
            // The log is read by whoever fixes the bug: it is in English whatever the reader's language.
            let message = (error as? any UserFacingError)?.message(.forLanguage(.english)) ?? "error"
            append("\(CivilTime.rfc3339(Date())) \(message) [\(detail)]")
        }
    }

    /// The part of an error that is for the log only.
    static func detail(of error: any Error) -> String? {
        switch error {
        case WeatherError.malformedResponse(let provider, let detail): "\(provider.rawValue): \(detail)"
        case WeatherError.network(.transport(let detail)): detail
        case HTTPError.transport(let detail): detail
        case RecordStoreError.failed(_, let detail): detail
        default: nil
        }
    }

    private static func append(_ line: String) {
        let folder = Paths.stateDirectory(ProcessInfo.processInfo.environment)
        let path = folder + "/meteo.log"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > limit { rename(path, path + ".1") }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
