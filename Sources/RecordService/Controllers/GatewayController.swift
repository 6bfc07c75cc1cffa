import HTTPTypes
import Hummingbird
import NIOCore
import RecordAPI

/// The weather gateway's routes: `GET /v1/gateway/UPSTREAM/PATH?…`, the upstream's own paths and answers.
struct GatewayController {
    let gateway: Gateway

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
        do {
            query = try GatewayQuery.parse(upstream: upstream, path: path, query: request.uri.query ?? "")
        } catch {
            throw APIError(status: .badRequest, code: "invalid", message: error.message, field: error.field)
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

extension HTTPField.Name {
    /// RFC 9211: how a cache dealt with the request (`meteo-records; hit; ttl=540`).
    static let cacheStatus = HTTPField.Name("Cache-Status") ?? .via
}
