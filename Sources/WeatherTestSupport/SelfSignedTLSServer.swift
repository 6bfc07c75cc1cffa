import Foundation
import Glibc

/// `openssl s_server` on 127.0.0.1 with a fresh self-signed certificate, to prove TLS checks stay on.
public final class SelfSignedTLSServer: Sendable {
    public let port: Int
    private let process: Process
    private let directory: TemporaryDirectory

    /// Makes a key and certificate, starts the server and waits until it accepts connections.
    /// - Throws: when openssl is missing or the server does not come up within five seconds.
    public init() throws {
        directory = try TemporaryDirectory()
        let key = directory.path + "/key.pem"
        let cert = directory.path + "/cert.pem"
        try Self.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj",
                "/CN=127.0.0.1",
            ])
        port = try FreePort.pick()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key, "-www", "-quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(5)
        while !FreePort.accepts(port) {
            guard Date() < deadline, process.isRunning else {
                process.terminate()
                throw POSIXError(.ECONNREFUSED)
            }
            usleep(20_000)
        }
    }

    deinit { stop() }

    public func stop() {
        // s_server may sit in a blocking read and ignore SIGTERM for a while; SIGKILL ends it at once.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EINVAL) }
    }
}
