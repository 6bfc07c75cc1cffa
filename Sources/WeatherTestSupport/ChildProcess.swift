import Foundation

/// Runs a program (the built `meteo` by default, `built()`) as a person or a script would: a private
/// environment, both outputs read whole, a time limit.
public struct ChildProcess: Sendable {
    /// What one run printed and how it ended.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// The `meteo` built beside the running test bundle.
    public static func built() throws -> ChildProcess {
        ChildProcess(path: try builtProduct("meteo"))
    }

    /// The path of an executable built beside the running test bundle.
    /// - Throws: `POSIXError(.ENOENT)` when it is not there.
    public static func builtProduct(_ name: String) throws -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let path = bundle.deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw POSIXError(.ENOENT) }
        return path
    }

    /// Runs `meteo arguments…` with exactly `environment` (nothing inherited but the test run's mark) and waits
    /// for it; a run still going after `timeout` seconds is killed and reported with status 137.
    public func run(
        _ arguments: [String], environment: [String: String], input: String? = nil, timeout: Double = 120
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = TestRun.marked(environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue(label: "meteo.test.stdout").async(group: group) {
            outData = out.fileHandleForReading.readDataToEndOfFile()
        }
        DispatchQueue(label: "meteo.test.stderr").async(group: group) {
            errData = err.fileHandleForReading.readDataToEndOfFile()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            group.wait()
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
