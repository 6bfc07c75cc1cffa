import TextFormats

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Something that can carry one HTTP request and bring back its response.
public protocol HTTPClient: Sendable {
    /// Sends `request` and returns the whole response; non-2xx statuses are responses, not errors.
    /// - Throws: `HTTPError` when no complete response arrived.
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}

/// One HTTP request: method, absolute URL, extra headers and an optional body.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: Data?

    public init(method: String = "GET", url: String, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A complete HTTP response; header names are lower-cased.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The `Retry-After` header in seconds, when the server sent it as a number of seconds.
    public var retryAfterSeconds: Int? {
        guard let value = headers["retry-after"]?.trimmedWhitespace() else { return nil }
        return Int(value).flatMap { $0 >= 0 ? $0 : nil }
    }
}
