import Foundation
public import Hummingbird
import Logging
import NIOCore
public import PostgresNIO
import RecordAPI
import RecordRules
import TextFormats

/// A request's context: Hummingbird's, plus the user the bearer token named.
public struct RecordsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var userID: Int64?
    /// The client's IP address, for the rate of failed authentications.
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        userID = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated caller (the authenticator runs before every route that asks).
    func requireUser() throws -> Int64 {
        guard let userID else { throw APIError.unauthorized }
        return userID
    }
}

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

/// Names the user behind `Authorization: Bearer …`; everything under it answers 401 without one.
/// Then takes the request from the token's rate budget (429 with `Retry-After` beyond it).
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = RecordsRequestContext
    let tokens: TokenStore
    let limiter: RateLimiter
    /// Failed authentications per client address.
    let failures: RateLimiter

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let address = context.remoteAddress ?? "unknown"
        // An address that keeps failing is answered without a database lookup until its budget refills.
        if let wait = failures.waitIfEmpty(address) { throw APIError.tooManyRequests(retryAfter: wait) }
        guard let token = request.headers[.authorization].flatMap(Self.bearerToken) else {
            throw failed(address)
        }
        // One hash serves both the lookup and the token's rate budget.
        let hash = TokenStore.hash(token)
        guard let user = try await byDeadline({ [tokens] in try await tokens.user(forHash: hash) }) else {
            throw failed(address)
        }
        if let wait = limiter.take(hash) { throw APIError.tooManyRequests(retryAfter: wait) }
        var context = context
        context.userID = user
        return try await next(request, context)
    }

    /// 401, after taking one failure from `address`'s budget (429 once it is spent).
    private func failed(_ address: String) -> APIError {
        if let wait = failures.take(address) { return .tooManyRequests(retryAfter: wait) }
        return .unauthorized
    }

    /// The token of `Bearer TOKEN`, the scheme in any case (RFC 9110 §11.1); `nil` for anything else.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 200 else { return nil }
        return token
    }
}

/// `/v1/records`: list, read, create (PUT, idempotent), delete (tombstone, idempotent).
struct RecordController {
    let repository: PostgresRecordRepository
    static let maxBody = 64 * 1024

    func add(to group: RouterGroup<RecordsRequestContext>) {
        group.get { request, context in try await byDeadline { try await list(request, context: context) } }
        group.get(":id") { request, context in try await byDeadline { try await get(request, context: context) } }
        group.put(":id") { request, context in try await byDeadline { try await put(request, context: context) } }
        group.delete(":id") { request, context in
            try await byDeadline { try await delete(request, context: context) }
        }
    }

    func list(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var limit = 50
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text), (1...500).contains(value) else {
                throw APIError.invalid(field: "limit", message: "must be a number from 1 to 500")
            }
            limit = value
        }
        var cursor: PageCursor?
        if let text = request.uri.queryParameters.get("before") {
            guard let value = PageCursor(text: text) else {
                throw APIError.invalid(field: "before", message: "must be a cursor from a previous page's next")
            }
            cursor = value
        }
        return JSONResponse.raw(try await repository.page(user: user, limit: limit, before: cursor).json)
    }

    func get(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let record = try await repository.get(try recordID(context), user: user) else { throw APIError.notFound }
        return JSONResponse.raw(record)
    }

    func put(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try recordID(context)
        let record = try Self.decode(try await Self.jsonBody(request, limit: Self.maxBody))
        if let problem = record.problems().first {
            throw APIError.invalid(field: problem.field, message: problem.message)
        }
        guard record.id == id.uuidString.lowercased() else {
            throw APIError.invalid(field: "id", message: "must equal the id in the path")
        }
        switch try await repository.put(record, user: user) {
        // The same canonical text that is stored, so a PUT answers what a GET of the record will.
        case .created: return JSONResponse.raw(record.json, status: .created)
        case .unchanged: return JSONResponse.raw(record.json)
        case .conflict:
            throw APIError(status: .conflict, code: "conflict", message: "another record has this id", field: "id")
        case .deleted:
            throw APIError(status: .conflict, code: "deleted", message: "this record was deleted", field: "id")
        }
    }

    func delete(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try await repository.delete(try recordID(context), user: user)
        return Response(status: .noContent)
    }

    private func recordID(_ context: RecordsRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), UUIDText.isCanonical(text), let id = UUID(uuidString: text)
        else {
            throw APIError.invalid(field: "id", message: "must be a lower-case UUID")
        }
        return id
    }

    /// Decodes a body, naming the field at fault.
    static func decode<Body: Decodable>(_ buffer: ByteBuffer, as type: Body.Type = WireRecord.self) throws -> Body {
        // Strict JSON first: a key named twice would leave the decoder to pick one of them silently.
        guard JSONValue.parse(bytes: Array(buffer.readableBytesView), rejectingDuplicateKeys: true) != nil else {
            throw APIError(
                status: .badRequest, code: "invalid_json", message: "the body is not valid JSON, or names a key twice")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError.invalid(field: path(context.codingPath + [key]), message: "is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError.invalid(field: path(context.codingPath), message: "has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw APIError.invalid(field: path(context.codingPath), message: "must not be null")
        } catch {
            throw APIError(status: .badRequest, code: "invalid_json", message: "the body is not valid JSON")
        }
    }

    /// "changes[3].record.place.latitude" from a decoder's coding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// The body of a JSON request, at most `limit` bytes.
    static func jsonBody(_ request: Request, limit: Int) async throws -> ByteBuffer {
        // The media type itself, parameters (`; charset=utf-8`) aside: `application/jsonx` is not JSON.
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard mediaType == "application/json" else { throw APIError.unsupportedMediaType }
        do {
            return try await request.body.collect(upTo: limit)
        } catch {
            throw APIError.tooLarge(limit: limit)
        }
    }
}

/// `POST /v1/sync`: push a batch of changes, then pull a page of the server's changes after the cursor.
struct SyncController {
    let repository: PostgresRecordRepository
    /// 500 records of about 600 bytes each, with room to spare.
    static let maxBody = 1024 * 1024

    func add(to group: RouterGroup<RecordsRequestContext>) {
        group.post { request, context in try await byDeadline { try await sync(request, context: context) } }
    }

    func sync(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try RecordController.decode(
            try await RecordController.jsonBody(request, limit: Self.maxBody), as: SyncRequest.self)
        if let problem = body.problems().first {
            throw APIError.invalid(field: problem.field, message: problem.message)
        }
        var cursor = ChangeCursor.start
        if let text = body.cursor {
            guard let value = ChangeCursor(text: text) else {
                throw APIError.invalid(field: "cursor", message: "must be a cursor from a previous sync")
            }
            cursor = value
        }
        let results = try await repository.push(body.changes, user: user, device: body.device)
        let limit = body.limit ?? SyncRequest.maxChanges
        // limit 0 pushes only (clients send several pushes at once, then pull): the cursor comes back as it was.
        let pulled =
            limit == 0
            ? PulledChanges(items: [], cursor: cursor, more: false)
            : try await repository.pull(user: user, after: cursor, limit: limit, device: body.device)
        // SyncResponse's shape; records go out as stored, without a decode and an encode each.
        let encodedResults = String(decoding: try JSONEncoder().encode(results), as: UTF8.self)
        return JSONResponse.raw(
            "{\"changes\":[" + pulled.items.map(\.json).joined(separator: ",") + "],\"cursor\":\""
                + pulled.cursor.text + "\",\"more\":\(pulled.more),\"results\":" + encodedResults + "}")
    }
}
