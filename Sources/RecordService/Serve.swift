import Foundation
public import Logging
import ServiceLifecycle
import UnixSignals

/// Serves until SIGTERM or SIGINT, then drains: requests in flight are answered (each within its own deadlines),
/// and whatever is still running after `limits.shutdownTimeout` is cancelled. A process that has still not
/// ended a few seconds later (work that ignores cancellation, such as a query to a frozen database) exits.
public func serve(configuration: ServiceConfiguration, logger: Logger) async throws {
    let app = try await buildApplication(configuration: configuration, logger: logger)
    var group = ServiceGroupConfiguration(
        services: [
            .init(service: app),
            // Last, so the first to hear of the shutdown.
            .init(
                service: ShutdownBound(after: configuration.limits.shutdownTimeout + .seconds(5), logger: logger),
                successTerminationBehavior: .ignore),
        ],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    group.maximumGracefulShutdownDuration = configuration.limits.shutdownTimeout
    try await ServiceGroup(configuration: group).run()
}

/// Once a shutdown begins, ends the process if it has not ended by itself `after` later.
struct ShutdownBound: Service {
    let after: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        let (seconds, attoseconds) = after.components
        let interval = Double(seconds) + Double(attoseconds) / 1e18
        let logger = logger
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: interval)
            logger.error("shutdown", metadata: ["outcome": "not drained in time; exiting"])
            exit(1)
        }
    }
}
