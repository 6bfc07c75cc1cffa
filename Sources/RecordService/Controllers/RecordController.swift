import Foundation
import Hummingbird
import RecordAPI
import RecordRules
import TextFormats

/// `/v1/records`: list, read, create (PUT, idempotent), delete (tombstone, idempotent).
struct RecordController<Repository: RecordRepository> {
    let repository: Repository
    static var maxBody: Int { 64 * 1024 }

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
        let record = try RequestBody.decode(try await RequestBody.json(request, limit: Self.maxBody))
        if let problem = record.problems().first {
            throw APIError.invalid(field: problem.field, message: problem.message)
        }
        guard record.id == id.uuidString.lowercased() else {
            throw APIError.invalid(field: "id", message: "must equal the id in the path")
        }
        let outcome: PutOutcome
        do {
            outcome = try await repository.put(record, user: user)
        } catch let error as UnreadableRecord {
            throw APIError.invalid(field: error.field, message: "cannot be read")
        }
        switch outcome {
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
}
