import CTestSupport
public import Foundation
import Glibc
import Synchronization

/// An HTTP/1.1 server on 127.0.0.1 that answers from a handler and can misbehave on purpose.
///
/// Raw sockets rather than a framework, so that a test can make it do what real servers do on bad days:
/// answer slowly, close mid-body, lie about the length, or say nothing at all.
public final class FixtureServer: Sendable {
    /// A request as the server saw it.
    public struct Request: Sendable, Hashable {
        public var method: String
        public var target: String
        public var path: String
        public var query: [String: String]
        public var headers: [String: String]
        public var body: Data
    }

    /// What the server does with one request.
    public indirect enum Reply: Sendable {
        case respond(status: Int, headers: [String: String] = [:], body: Data)
        /// Waits, then does `then`.
        case delayed(seconds: Double, then: Reply)
        /// Announces `body.count + missing` bytes, sends `body`, then closes.
        case truncated(status: Int, body: Data, missing: Int)
        /// Closes the connection without answering.
        case close

        public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Reply {
            .respond(
                status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                body: Data(text.utf8))
        }
    }

    public typealias Handler = @Sendable (Request) -> Reply

    private let listener: Int32
    public let port: Int
    private let handler: Handler
    private let state = Mutex(State())

    private struct State {
        var requests: [Request] = []
        var connections = 0
        var open: Set<Int32> = []
        var stopped = false
    }

    /// Binds a free port on 127.0.0.1 and starts answering.
    /// - Throws: `POSIXError` when no socket could be bound.
    public init(handler: @escaping Handler) throws {
        self.handler = handler
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            let code = errno
            close(socket)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(socket, $0, &length) }
        }
        listener = socket
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request answered so far, in order.
    public var requests: [Request] { state.withLock { $0.requests } }

    /// How many TCP connections were accepted (connection reuse keeps it low).
    public var connectionCount: Int { state.withLock { $0.connections } }

    /// Stops accepting and closes every open connection.
    public func stop() {
        let first = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.stopped = true
            // Under the lock: a connection's thread removes its socket before closing it, so none of these
            // numbers can belong to someone else yet.
            for socket in state.open { shutdown(socket, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        // Wakes the accept thread, which closes the listener itself. Closing it here let that thread call
        // accept() once more on the number, reused meanwhile by another test's server, and take (and drop)
        // that server's connection: a flaky "connection closed" seen in a fresh-clone run.
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let client = meteo_accept_cloexec(listener)
            if client < 0 {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connections += 1
                state.open.insert(client)
                return true
            }
            guard admitted else {
                close(client)
                close(listener)
                return
            }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in
                serve(client)
                state.withLock { _ = $0.open.remove(client) }
                close(client)
            }
            thread.start()
        }
    }

    private func serve(_ socket: Int32) {
        var buffer = Data()
        while let request = readRequest(socket, buffer: &buffer) {
            state.withLock { $0.requests.append(request) }
            guard perform(handler(request), on: socket) else { return }
            if request.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Carries out `reply`; `false` when the connection must end.
    private func perform(_ reply: Reply, on socket: Int32) -> Bool {
        switch reply {
        case .respond(let status, let headers, let body):
            return send(socket, head(status: status, headers: headers, length: body.count) + body)
        case .delayed(let seconds, let then):
            // Sleep in slices so that stop() is honoured promptly.
            var left = seconds
            while left > 0, !state.withLock({ $0.stopped }) {
                usleep(UInt32(min(left, 0.05) * 1_000_000))
                left -= 0.05
            }
            return perform(then, on: socket)
        case .truncated(let status, let body, let missing):
            _ = send(
                socket,
                head(status: status, headers: ["Content-Type": "application/json"], length: body.count + missing) + body
            )
            return false
        case .close:
            return false
        }
    }

    private func head(status: Int, headers: [String: String], length: Int) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(length)\r\n\r\n"
        return Data(text.utf8)
    }

    private func send(_ socket: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return false }
                let written = Glibc.send(socket, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    private func readRequest(_ socket: Int32, buffer: inout Data) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard receive(socket, into: &buffer), buffer.count < 1 << 20 else { return nil }
        }
        guard let end = buffer.range(of: separator) else { return nil }
        let headText = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex..<end.upperBound)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = headers["content-length"].flatMap(Int.init) ?? 0
        while buffer.count < length {
            guard receive(socket, into: &buffer) else { return nil }
        }
        let body = buffer.prefix(length)
        buffer.removeFirst(length)
        let target = String(requestLine[1])
        let (path, query) = Self.split(target)
        return Request(
            method: String(requestLine[0]), target: target, path: path, query: query, headers: headers, body: Data(body)
        )
    }

    private func receive(_ socket: Int32, into buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = recv(socket, &chunk, chunk.count, 0)
        if count < 0, errno == EINTR { return true }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Splits a request target into its path and its decoded query items.
    public static func split(_ target: String) -> (path: String, query: [String: String]) {
        let parts = target.split(separator: "?", maxSplits: 1)
        let path = parts.first.map(String.init) ?? "/"
        var query: [String: String] = [:]
        if parts.count == 2 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                let name = pair[0].removingPercentEncoding ?? pair[0]
                let value =
                    pair.count == 2
                    ? (pair[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? pair[1]) : ""
                query[name] = value
            }
        }
        return (path, query)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
