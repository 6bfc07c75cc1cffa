import Foundation
import Hummingbird

/// Names the user behind `Authorization: Bearer …`; everything under it answers 401 without one.
/// Then takes the request from the token's rate budget (429 with `Retry-After` beyond it).
struct TokenAuthenticator<Tokens: TokenLookup>: RouterMiddleware {
    typealias Context = RecordsRequestContext
    let tokens: Tokens
    let limiter: RateLimiter
    /// Failed authentications per client address.
    let failures: RateLimiter
    /// Under routes that run without the request's database deadline (the gateway's), the lookup's own.
    var deadline: (Duration, DeadlineWatch)?

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
        // A token the lookup remembers costs no task and no deadline.
        var found = tokens.remembered(hash)
        if found == nil {
            if let (timeout, watch) = deadline {
                found = try await withDeadline(timeout, watch: watch) { try await tokens.user(forHash: hash) }
            } else {
                found = try await byDeadline({ [tokens] in try await tokens.user(forHash: hash) })
            }
        }
        guard let user = found else { throw failed(address) }
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
    ///
    /// Read byte by byte: every request runs it, and splitting, lower-casing and trimming with Foundation cost
    /// a twentieth of a gateway hit (measured with perf).
    static func bearerToken(_ header: String) -> String? {
        var bytes = Substring(header).utf8[...]
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        let scheme = bytes.prefix { !isSpace($0) }
        guard scheme.count == 6,
            zip(scheme, "bearer".utf8).allSatisfy({ pair in pair.0 | 0x20 == pair.1 })
        else { return nil }
        bytes = bytes.dropFirst(6)
        guard let separator = bytes.first, isSpace(separator) else { return nil }
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
        guard !bytes.isEmpty, bytes.count <= 200 else { return nil }
        return String(Substring(bytes))
    }
}
