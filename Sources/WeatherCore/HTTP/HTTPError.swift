/// Why an HTTP exchange produced no complete response.
public enum HTTPError: Error, Sendable, Hashable {
    /// The host name did not resolve.
    case dnsFailure(host: String)
    /// Nothing accepted the connection.
    case connectionRefused(host: String)
    /// The connection or the whole transfer took longer than allowed.
    case timeout(seconds: Double)
    /// The peer closed the connection before the response was complete.
    case connectionClosed
    /// The TLS handshake or the certificate check failed.
    case tls(host: String)
    /// The response was larger than the configured cap.
    case responseTooLarge(limit: Int)
    /// Too many redirects, or a redirect to a scheme other than http(s).
    case badRedirect
    /// The URL could not be used.
    case invalidURL(String)
    /// libcurl (libcurl.so.4) could not be loaded.
    case libraryMissing
    /// The task was cancelled and the transfer aborted.
    case cancelled
    /// Any other transport failure; `detail` is for the log only.
    case transport(detail: String)
}
