internal import CCurl
import Dispatch
import Synchronization
import TextFormats

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `HTTPClient` over libcurl: blocking transfers run on a Dispatch queue, off the cooperative pool.
///
/// Easy handles are kept between requests so that connections (and TLS sessions and DNS answers) are
/// reused within one run. TLS verification is always on; proxies come from libcurl's usual environment
/// variables (`http_proxy`, `https_proxy`, `no_proxy`).
public final class CurlHTTPClient: HTTPClient {
    /// Limits and identity for every transfer of one client.
    public struct Options: Sendable, Hashable {
        public var connectTimeout: Double
        public var totalTimeout: Double
        public var maxResponseBytes: Int
        public var maxRedirects: Int
        public var userAgent: String

        public init(
            connectTimeout: Double = 5,
            totalTimeout: Double = 15,
            maxResponseBytes: Int = 8 << 20,
            maxRedirects: Int = 5,
            userAgent: String = "meteo/\(MeteoVersion.current)"
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxResponseBytes = maxResponseBytes
            self.maxRedirects = maxRedirects
            self.userAgent = userAgent
        }
    }

    /// Loads libcurl and calls `curl_global_init`, once per process; `false` when libcurl is missing.
    ///
    /// Transfers do this themselves; commands that make no request never load libcurl at all.
    @discardableResult
    public static func globalInit() -> Bool { meteo_curl_load() == 1 }

    /// Starts loading libcurl on another thread, so that its ~10 ms overlap the caller's own start-up;
    /// the first request waits for it to finish (the load runs once).
    public static func preload() {
        preloadStarted.store(true, ordering: .relaxed)
        DispatchQueue(label: "meteo.curl.load", qos: .userInitiated).async { _ = globalInit() }
    }

    /// Waits for a load that `preload()` started. A process must not exit while libcurl's libraries are
    /// still initialising on another thread: their exit handlers would run under that thread and crash it.
    public static func finishPreload() {
        if preloadStarted.load(ordering: .relaxed) { _ = globalInit() }
    }

    private static let preloadStarted = Atomic<Bool>(false)

    private let options: Options
    private let idle = Mutex<[EasyHandle]>([])
    private static let idleLimit = 4

    public init(options: Options = Options()) {
        self.options = options
    }

    deinit {
        idle.withLock { handles in
            for handle in handles { meteo_curl_easy_cleanup(handle.pointer) }
            handles.removeAll()
        }
    }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        guard let scheme = request.url.split(separator: ":", maxSplits: 1).first?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw .invalidURL(request.url) }
        if Task.isCancelled { throw .cancelled }
        guard Self.globalInit() else { throw .libraryMissing }

        let transfer = Transfer(request: request, options: options)
        let result: Result<HTTPResponse, HTTPError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A queue of its own gets a thread of its own (it targets the overcommit pool): a blocking
                // transfer must never take one of the few threads the global queue allows per core.
                DispatchQueue(label: "meteo.curl.transfer").async {
                    let handle = self.checkout()
                    let result = transfer.perform(on: handle)
                    self.checkin(handle)
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            transfer.cancel()
        }
        return try result.get()
    }

    private func checkout() -> EasyHandle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return meteo_curl_easy_init().map(EasyHandle.init)
    }

    private func checkin(_ handle: EasyHandle?) {
        guard let handle else { return }
        let kept = idle.withLock { handles -> Bool in
            guard handles.count < Self.idleLimit else { return false }
            handles.append(handle)
            return true
        }
        if !kept { meteo_curl_easy_cleanup(handle.pointer) }
    }
}

/// A libcurl easy handle; only one transfer uses it at a time (the pool hands it out under its mutex).
private struct EasyHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// The state of one transfer, shared with libcurl's C callbacks through an unmanaged pointer.
private final class Transfer: Sendable {
    let request: HTTPRequest
    let options: Options
    // The callbacks run on the transfer's own thread; `cancel()` comes from another: atomics and a
    // mutex make both safe.
    private let cancelled = Atomic<Bool>(false)
    private let buffers = Mutex(Buffers())

    typealias Options = CurlHTTPClient.Options

    struct Buffers {
        var body = Data()
        var headerLines: [String] = []
        var overflowed = false
    }

    init(request: HTTPRequest, options: Options) {
        self.request = request
        self.options = options
    }

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    func perform(on handle: EasyHandle?) -> Result<HTTPResponse, HTTPError> {
        guard let curl = handle?.pointer else { return .failure(.transport(detail: "curl_easy_init failed")) }
        if isCancelled { return .failure(.cancelled) }
        meteo_curl_easy_reset(curl)

        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { meteo_curl_slist_free_all(headerList) }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            headerList = meteo_curl_slist_append(headerList, "\(name): \(value)")
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let body = request.body ?? Data()

        let code: CURLcode = body.withUnsafeBytes { bodyBytes in
            meteo_curl_set_string(curl, CURLOPT_URL, request.url)
            meteo_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
            meteo_curl_set_long(curl, CURLOPT_SSL_VERIFYPEER, 1)
            meteo_curl_set_long(curl, CURLOPT_SSL_VERIFYHOST, 2)
            meteo_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
            meteo_curl_set_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
            meteo_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 1)
            meteo_curl_set_long(curl, CURLOPT_MAXREDIRS, options.maxRedirects)
            meteo_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
            meteo_curl_set_long(curl, CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
            meteo_curl_set_string(curl, CURLOPT_ACCEPT_ENCODING, "")
            meteo_curl_set_string(curl, CURLOPT_USERAGENT, options.userAgent)
            meteo_curl_set_off_t(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes))
            meteo_curl_set_slist(curl, CURLOPT_HTTPHEADER, headerList)

            switch request.method {
            case "GET":
                meteo_curl_set_long(curl, CURLOPT_HTTPGET, 1)
            case "HEAD":
                meteo_curl_set_long(curl, CURLOPT_NOBODY, 1)
            default:
                meteo_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, request.method)
            }
            if request.body != nil {
                meteo_curl_set_body(curl, bodyBytes.baseAddress, bodyBytes.count)
            }

            meteo_curl_set_data_callback(curl, CURLOPT_WRITEFUNCTION, writeBody)
            meteo_curl_set_pointer(curl, CURLOPT_WRITEDATA, context)
            meteo_curl_set_data_callback(curl, CURLOPT_HEADERFUNCTION, writeHeader)
            meteo_curl_set_pointer(curl, CURLOPT_HEADERDATA, context)
            meteo_curl_set_long(curl, CURLOPT_NOPROGRESS, 0)
            meteo_curl_set_xferinfo_callback(curl, progress)
            meteo_curl_set_pointer(curl, CURLOPT_XFERINFODATA, context)

            return meteo_curl_easy_perform(curl)
        }
        return finish(curl: curl, code: code)
    }

    private func finish(curl: UnsafeMutableRawPointer, code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        let buffers = self.buffers.withLock { $0 }
        let host = Self.host(of: request.url)
        switch code {
        case CURLE_OK:
            break
        case CURLE_ABORTED_BY_CALLBACK:
            return .failure(.cancelled)
        case CURLE_WRITE_ERROR where buffers.overflowed, CURLE_FILESIZE_EXCEEDED:
            return .failure(.responseTooLarge(limit: options.maxResponseBytes))
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .failure(.dnsFailure(host: host))
        case CURLE_COULDNT_CONNECT:
            return .failure(.connectionRefused(host: host))
        case CURLE_OPERATION_TIMEDOUT:
            var connectTime: curl_off_t = 0
            meteo_curl_get_off_t(curl, CURLINFO_CONNECT_TIME_T, &connectTime)
            let limit = connectTime == 0 ? options.connectTimeout : options.totalTimeout
            return .failure(.timeout(seconds: limit))
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_BAD_CONTENT_ENCODING:
            return .failure(.connectionClosed)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .failure(.tls(host: host))
        case CURLE_TOO_MANY_REDIRECTS, CURLE_UNSUPPORTED_PROTOCOL:
            return .failure(.badRedirect)
        case CURLE_URL_MALFORMAT:
            return .failure(.invalidURL(request.url))
        default:
            let text = meteo_curl_easy_strerror(code).map { String(cString: $0) } ?? "unknown"
            return .failure(.transport(detail: "curl error \(code.rawValue): \(text)"))
        }
        var status = 0
        meteo_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return .success(
            HTTPResponse(status: status, headers: Self.parseHeaders(buffers.headerLines), body: buffers.body))
    }

    fileprivate func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        buffers.withLock { buffers in
            if buffers.body.count + bytes.count > options.maxResponseBytes {
                buffers.overflowed = true
                return false
            }
            buffers.body.append(contentsOf: bytes)
            return true
        }
    }

    fileprivate func appendHeader(_ line: String) {
        buffers.withLock { buffers in
            // A new status line starts the headers of the next response (after a redirect or a 100).
            if line.hasPrefix("HTTP/") { buffers.headerLines.removeAll() }
            buffers.headerLines.append(line)
        }
    }

    /// Header lines to a dictionary with lower-cased names; the last value of a repeated name wins.
    static func parseHeaders(_ lines: [String]) -> [String: String] {
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmedWhitespace()
            headers[name] = value
        }
        return headers
    }

    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last ?? authority
        if hostPort.hasPrefix("["), let end = hostPort.firstIndex(of: "]") {
            return String(hostPort[...end])
        }
        return String(hostPort.prefix { $0 != ":" })
    }
}

private func writeBody(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard let pointer, length > 0 else { return length }
    return transfer.appendBody(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
}

private func writeHeader(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard let pointer, length > 0 else { return length }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
    let line = String(decoding: bytes, as: UTF8.self).trimmedWhitespace()
    if !line.isEmpty { transfer.appendHeader(line) }
    return length
}

private func progress(
    _ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
    _ uploadTotal: curl_off_t, _ uploaded: curl_off_t
) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
