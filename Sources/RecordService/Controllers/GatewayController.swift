import HTTPTypes
import Hummingbird
import NIOCore
import RecordAPI
import Synchronization

/// The weather gateway's routes: `GET /v1/gateway/UPSTREAM/PATH?…`, the upstream's own paths and answers.
struct GatewayController {
    let gateway: Gateway
    let parsed = ParsedQueries()

    func add(to group: RouterGroup<RecordsRequestContext>) {
        for upstream in GatewayUpstream.allCases {
            for path in upstream.paths {
                group.get(RouterPath(String((upstream.prefix + path).dropFirst(RecordPaths.gateway.count + 1)))) {
                    request, _ in
                    try await answer(request, upstream: upstream, path: path)
                }
            }
        }
    }

    private func answer(_ request: Request, upstream: GatewayUpstream, path: String) async throws -> Response {
        let query: GatewayQuery
        let text = request.uri.query ?? ""
        if let known = parsed.known(upstream, path, text) {
            query = known
        } else {
            do {
                query = try GatewayQuery.parse(upstream: upstream, path: path, query: text)
            } catch {
                throw APIError(status: .badRequest, code: "invalid", message: error.message, field: error.field)
            }
            parsed.keep(query, text)
        }
        let answer = await gateway.answer(query)
        var headers: HTTPFields = [.contentType: answer.contentType, .cacheStatus: answer.cacheStatus]
        if let age = answer.age { headers[.age] = String(age) }
        if let retryAfter = answer.retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: .init(code: answer.status), headers: headers,
            body: .init(byteBuffer: answer.body))
    }
}

/// Queries already read, by their text: clients send the same few URLs again and again, and reading one was an
/// eighth of a gateway hit (measured with perf). Bounded; emptied when full.
final class ParsedQueries: Sendable {
    private struct Key: Hashable {
        let upstream: GatewayUpstream
        let path: String
        let text: String
    }

    private let queries = Mutex<[Key: GatewayQuery]>([:])
    static let limit = 10_000

    func known(_ upstream: GatewayUpstream, _ path: String, _ text: String) -> GatewayQuery? {
        queries.withLock { $0[Key(upstream: upstream, path: path, text: text)] }
    }

    func keep(_ query: GatewayQuery, _ text: String) {
        queries.withLock { queries in
            if queries.count >= Self.limit { queries.removeAll(keepingCapacity: true) }
            queries[Key(upstream: query.upstream, path: query.path, text: text)] = query
        }
    }
}

extension HTTPField.Name {
    /// RFC 9211: how a cache dealt with the request (`meteo-records; hit; ttl=540`).
    static let cacheStatus = HTTPField.Name("Cache-Status") ?? .via
}
