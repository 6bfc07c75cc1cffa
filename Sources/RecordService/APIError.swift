import Foundation
public import Hummingbird
import NIOCore
import RecordAPI

/// Every failure as `{"error": {"code", "message", "field"?}}` with its status.
public struct APIError: HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds for `Retry-After`.
    public var retryAfter: Int?

    public init(
        status: HTTPResponse.Status, code: String, message: String, field: String? = nil, retryAfter: Int? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static func invalid(field: String, message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid", message: "\(field) \(message)", field: field)
    }
    public static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized", message: "a valid bearer token is required")
    public static let notFound = APIError(status: .notFound, code: "not_found", message: "no such record")
    public static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than \(limit / 1024) KiB")
    }
    public static let unsupportedMediaType = APIError(
        status: .unsupportedMediaType, code: "unsupported_media_type", message: "send application/json")

    public static let databaseUnavailable = APIError(
        status: .serviceUnavailable, code: "database_unavailable", message: "the database does not answer; try again",
        retryAfter: 2)
    public static func tooManyRequests(retryAfter: Int) -> APIError {
        APIError(
            status: .tooManyRequests, code: "rate_limited", message: "too many requests for this token; slow down",
            retryAfter: retryAfter)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(ErrorBody(code: code, message: message, field: field), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The body alone, for answers written below the router (`ConnectionGuard`).
    var jsonBody: Data { JSONResponse.encode(ErrorBody(code: code, message: message, field: field)) }
}

/// JSON responses with sorted keys.
enum JSONResponse {
    /// JSON text that is already JSON (bodies stored by the service).
    static func raw(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
