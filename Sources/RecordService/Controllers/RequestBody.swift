import Foundation
import Hummingbird
import NIOCore
import RecordAPI
import TextFormats

/// Reading a request's JSON body: the media type, the size, strict JSON, and the field at fault named.
enum RequestBody {
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
    static func json(_ request: Request, limit: Int) async throws -> ByteBuffer {
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
