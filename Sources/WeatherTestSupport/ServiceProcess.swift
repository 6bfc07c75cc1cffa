public import Foundation

/// A `meteo-records serve` of a test's own on a loopback port, which the test may kill and start again.
public final class ServiceProcess: @unchecked Sendable {
    public let port: Int
    public let databaseURL: String
    let binary: String
    let logPath: String
    private let lock = NSLock()
    private var process: Process?

    /// The URL clients use.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(databaseURL: String, logPath: String, environment: [String: String] = [:]) throws {
        binary = try ChildProcess.builtProduct("meteo-records")
        self.databaseURL = databaseURL
        self.logPath = logPath
        port = try FreePort.pick()
        extraEnvironment = environment
    }

    let extraEnvironment: [String: String]

    /// Starts the service and waits until it accepts connections.
    public func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", String(port)]
        var environment = ["DATABASE_URL": databaseURL, "PATH": "/usr/bin:/bin"]
        environment.merge(extraEnvironment) { $1 }
        process.environment = TestRun.marked(environment)
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        for _ in 0..<400 {
            if FreePort.accepts(port) { return }
            guard process.isRunning else { break }
            usleep(25_000)
        }
        throw POSIXError(.ECONNREFUSED)
    }

    /// Sends `signal` (SIGKILL: no draining, no goodbye) and waits for the process to end.
    public func kill(_ signal: Int32 = SIGKILL) {
        guard let process = lock.withLock({ self.process }) else { return }
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        lock.withLock { self.process = nil }
    }

    /// Sends SIGTERM and waits up to `bound` for the process to end; false when it did not (it is then killed).
    public func terminate(within bound: Duration) -> Bool {
        guard let process = lock.withLock({ self.process }) else { return true }
        Glibc.kill(process.processIdentifier, SIGTERM)
        let due = ContinuousClock.now + bound
        while process.isRunning, ContinuousClock.now < due { usleep(20_000) }
        let ended = !process.isRunning
        kill()
        return ended
    }

    deinit {
        if let process, process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
