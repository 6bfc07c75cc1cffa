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

/// Loopback ports for servers that cannot bind port 0 themselves.
public enum FreePort {
    /// A port that was free a moment ago (bound to 0, read back, released).
    public static func pick() throws -> Int {
        let server = try FixtureServer { _ in .close }
        let port = server.port
        server.stop()
        return port
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
