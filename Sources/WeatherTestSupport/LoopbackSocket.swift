public import Foundation

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
        guard let socket = try? LoopbackSocket(port: port) else { return false }
        socket.close()
        return true
    }
}

/// A raw TCP connection to 127.0.0.1, for tests that speak to a server as a hostile or slow client would:
/// partial requests, stalls, bytes no HTTP library would send.
public final class LoopbackSocket: @unchecked Sendable {
    private var descriptor: Int32

    public init(port: Int) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            Glibc.close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
        }
    }

    /// Sends every byte of `text`; false when the peer has gone.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// What arrives until the peer closes or `timeout` passes; `closed` tells which.
    public func receive(timeout: Duration) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let due = ContinuousClock.now + timeout
        while ContinuousClock.now < due {
            guard let more = readSome(until: due) else { return (String(decoding: received, as: UTF8.self), true) }
            received += more
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// One whole HTTP/1.1 response (headers and a Content-Length body), or nil when it did not all come in time.
    public func receiveResponse(timeout: Duration) -> String? {
        var received: [UInt8] = []
        let due = ContinuousClock.now + timeout
        while ContinuousClock.now < due, Self.complete(received) == nil {
            guard let more = readSome(until: due) else { break }
            received += more
        }
        return Self.complete(received)
    }

    /// Bytes that arrive before `due` (empty if none), or nil when the peer has closed.
    private func readSome(until due: ContinuousClock.Instant) -> [UInt8]? {
        let left = max(due - ContinuousClock.now, .zero)
        let (seconds, attoseconds) = left.components
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)) > 0 else {
            return []
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    /// The first response in `bytes` when all of it has arrived.
    static func complete(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<end.lowerBound].lowercased()
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let body = text[end.upperBound...]
        guard body.utf8.count >= length else { return nil }
        return String(text[..<end.upperBound]) + String(decoding: Array(body.utf8).prefix(length), as: UTF8.self)
    }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
