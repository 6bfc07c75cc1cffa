import Foundation

/// The mark `scripts/test-run.sh` gives one test run, passed on to every child started with an environment of
/// its own, so that the run's end can find whatever is still alive.
public enum TestRun {
    /// `METEO_TEST_RUN` and its value when the run has one, else nothing.
    public static let mark: [String: String] =
        ProcessInfo.processInfo.environment["METEO_TEST_RUN"].map { ["METEO_TEST_RUN": $0] } ?? [:]

    /// `environment` with the run's mark added.
    public static func marked(_ environment: [String: String]) -> [String: String] {
        environment.merging(mark) { current, _ in current }
    }
}
