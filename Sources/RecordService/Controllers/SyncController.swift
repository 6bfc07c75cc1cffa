import Foundation
import Hummingbird
import RecordAPI
import RecordRules
import TextFormats

/// `POST /v1/sync`: push a batch of changes, then pull a page of the server's changes after the cursor.
struct SyncController<Repository: RecordRepository> {
    let repository: Repository
    /// 500 records of about 600 bytes each, with room to spare.
    static var maxBody: Int { 1024 * 1024 }

    func add(to group: RouterGroup<RecordsRequestContext>) {
        group.post { request, context in try await byDeadline { try await sync(request, context: context) } }
    }

    func sync(_ request: Request, context: RecordsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try RequestBody.decode(
            try await RequestBody.json(request, limit: Self.maxBody), as: SyncRequest.self)
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
        return JSONResponse.raw(Self.responseJSON(pulled, results: results))
    }

    /// `SyncResponse`'s JSON, keys sorted; records go out as stored, without a decode and an encode each.
    static func responseJSON(_ pulled: PulledChanges, results: [PushResult]) -> String {
        var out = JSONText(capacity: pulled.items.reduce(128) { $0 + ($1.body?.utf8.count ?? 0) + 96 })
        out.raw("{\"changes\":[")
        for (index, item) in pulled.items.enumerated() {
            if index > 0 { out.raw(",") }
            item.write(to: &out)
        }
        out.raw("],\"cursor\":")
        out.string(pulled.cursor.text)
        out.raw(",\"more\":")
        out.bool(pulled.more)
        out.raw(",\"results\":[")
        for (index, result) in results.enumerated() {
            out.raw(index > 0 ? ",{\"id\":" : "{\"id\":")
            out.string(result.id)
            out.raw(",\"status\":")
            out.string(result.status.rawValue)
            out.raw("}")
        }
        out.raw("]}")
        return out.text
    }
}
