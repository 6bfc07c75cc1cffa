import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
import PostgresNIO
import Prometheus
import RecordAPI

/// The outermost middleware: one log line and one metric sample per request, a request id, a deadline on
/// whatever the request asks of the database, and every failure turned into the JSON error shape with the
/// right status.
///
/// The log line holds method, path, status, duration and request id; never a header, a query string, a token or
/// a body.
struct RequestObservation: RouterMiddleware {
    typealias Context = RecordsRequestContext
    let metrics: ServiceMetrics
    let logger: Logger
    let deadlines: DeadlineWatch
    /// A request that waits longer on the database is cancelled and answered 503.
    let databaseTimeout: Duration
    /// Reading a body may take this long; it is read before the database deadline starts.
    let bodyTimeout: Duration
    /// The largest body any route takes (a sync batch); each route checks its own limit too.
    static let maxBody = 1024 * 1024
    /// The most of a path a log line holds.
    static let loggedPathLength = 200

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = Self.requestID(request.headers[.requestID])
        // The gateway bounds its own waits (each database call, each upstream request): a hit from memory then
        // costs no deadline task.
        let usesDatabase =
            !["/healthz", "/metrics"].contains(request.uri.path)
            && !request.uri.path.hasPrefix(RecordPaths.gateway + "/")
        var response: Response
        var request = request
        do {
            if request.method == .put || request.method == .post {
                request.body = .init(buffer: try await Self.readBody(request, within: bodyTimeout, watch: deadlines))
            }
            if usesDatabase {
                metrics.databaseInUse.increment()
                defer { metrics.databaseInUse.decrement() }
                response = try await withDeadline(databaseTimeout, watch: deadlines) {
                    try await next(request, context)
                }
            } else {
                response = try await next(request, context)
            }
        } catch {
            response = try Self.apiError(for: error, logger: logger, requestID: requestID)
                .response(from: request, context: context)
        }
        response.headers[.requestID] = requestID
        let duration = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        metrics.observe(
            route: route == "NotFound" ? "unmatched" : route, method: request.method.rawValue,
            status: response.status.code, duration: duration)
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(Self.bounded(request.uri.path))",
                "status": "\(response.status.code)", "duration_ms": "\(Self.milliseconds(duration))",
                "request_id": "\(requestID)",
            ])
        return response
    }

    /// The whole body, read under its own deadline: 408 when the client is too slow, 413 beyond `maxBody`.
    static func readBody(_ request: Request, within timeout: Duration, watch: DeadlineWatch) async throws
        -> ByteBuffer
    {
        do {
            return try await withDeadline(timeout, watch: watch) { try await request.body.collect(upTo: maxBody) }
        } catch is DatabaseTimeout {
            throw APIError(status: .requestTimeout, code: "body_timeout", message: "the body did not arrive in time")
        } catch is CancellationError {
            throw APIError(status: .requestTimeout, code: "body_timeout", message: "the body did not arrive in time")
        } catch {
            throw APIError.tooLarge(limit: maxBody)
        }
    }

    /// `path` cut to `loggedPathLength` characters, so a crafted path cannot fill the log.
    static func bounded(_ path: String) -> String {
        path.count <= loggedPathLength ? path : String(path.prefix(loggedPathLength)) + "…(\(path.utf8.count) bytes)"
    }

    /// The caller's `X-Request-ID` when it is short and plain, else a new one.
    static func requestID(_ given: String?) -> String {
        if let given, (1...64).contains(given.count),
            given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }

    /// `12.34`: milliseconds with two decimals (without `String(format:)`, slow on Linux).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// SQLSTATEs that mean the database cannot serve now: admin/crash shutdown, cannot connect now, too many
    /// connections, and the connection failures of class 08.
    static let unavailableStates: Set<String> = [
        "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004",
    ]

    /// The JSON error for anything a handler threw; database trouble is 503, the rest of the unknown is 500.
    static func apiError(for error: any Error, logger: Logger, requestID: String) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError where error.status == .notFound:
            return APIError(status: .notFound, code: "not_found", message: "no such path")
        case let error as HTTPError:
            return APIError(
                status: error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase.lowercased()
            )
        case let error as PSQLError where error.serverInfo == nil:
            logger.warning("database unreachable", metadata: ["request_id": "\(requestID)", "error": "\(error.code)"])
            return .databaseUnavailable
        case let error as PSQLError where Self.unavailableStates.contains(error.serverInfo?[.sqlState] ?? ""):
            // PostgreSQL shutting down, starting, or out of connections: the database, not the request.
            logger.warning(
                "database unavailable",
                metadata: ["request_id": "\(requestID)", "sqlstate": "\(error.serverInfo?[.sqlState] ?? "")"])
            return .databaseUnavailable
        case is CancellationError, is DatabaseTimeout:
            return .databaseUnavailable
        case _ where "\(type(of: error))" == "ConnectionPoolError":
            // The pool's circuit breaker: no connection could be made for a while (the type is not public).
            return .databaseUnavailable
        default:
            // The type only: a server error's text can quote the statement's values.
            logger.error("request failed", metadata: ["request_id": "\(requestID)", "error": "\(type(of: error))"])
            return APIError(status: .internalServerError, code: "internal", message: "the service failed; try again")
        }
    }
}

/// Answers 405 with `Allow` for the methods a path does not serve, and `OPTIONS` with 204 and `Allow`.
struct MethodNotAllowed: Sendable {
    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .trace]

    static func add(to router: Router<RecordsRequestContext>, path: RouterPath, allowed: [HTTPRequest.Method]) {
        let served = allowed + (allowed.contains(.get) ? [.head] : []) + [.options]
        let allow = served.map(\.rawValue).joined(separator: ", ")
        router.on(path, method: .options) { _, _ -> Response in
            Response(status: .noContent, headers: [.allow: allow])
        }
        for method in methods where !served.contains(method) {
            router.on(path, method: method) { _, _ -> Response in
                var response = JSONResponse.make(
                    ErrorBody(code: "method_not_allowed", message: "use \(allow)"), status: .methodNotAllowed)
                response.headers[.allow] = allow
                return response
            }
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-ID`: the caller's, or one made here; echoed on the response and written in the log line.
    static let requestID = HTTPField.Name("X-Request-ID") ?? .via
}

/// Serves `HEAD` as the `GET` of the same path without its body (RFC 9110 §9.3.2), around a whole router: the
/// router picks a route by method before any middleware runs.
public struct HeadAsGet<Builder: HTTPResponderBuilder>: HTTPResponderBuilder {
    let builder: Builder

    public init(_ builder: Builder) { self.builder = builder }

    public func buildResponder() -> HeadResponder<Builder.Responder> {
        HeadResponder(inner: builder.buildResponder())
    }

    /// The wrapping responder. (Not named `Responder`: a release build takes that for the protocol's own.)
    public struct HeadResponder<Inner: HTTPResponder>: HTTPResponder {
        let inner: Inner

        public func respond(to request: Request, context: Inner.Context) async throws -> Response {
            guard request.method == .head else { return try await inner.respond(to: request, context: context) }
            var head = request.head
            head.method = .get
            var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            let length = response.body.contentLength
            response.body = .init()
            if let length { response.headers[.contentLength] = String(length) }
            return response
        }
    }
}
