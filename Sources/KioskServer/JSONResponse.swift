import Foundation
import Hummingbird

/// JSON bodies in and out, with ISO 8601 dates, the one encoding the API documents.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(json: ByteBuffer(data: try encoder.encode(value)), status: status)
    }

    /// A value that carries ID numbers goes out with them masked (``IDNumberMasking``): Swift picks
    /// this overload for every such value, so no route can forget.
    static func response(_ value: some Encodable & IDNumberMasking, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        response(json: ByteBuffer(data: try encoder.encode(value.masked)), status: status)
    }

    /// A body already encoded as JSON, with the headers every JSON answer carries.
    static func response(json: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        // Personal data must not linger in any cache once a session ends.
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: json))
    }

    /// Decodes the request body, or answers 400 with what was wrong. The body must say it is JSON:
    /// a page of another site can send `text/plain` without asking first, but not `application/json`.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard mediaType?.lowercased() == "application/json" else { throw APIError.jsonOnly }
        let buffer = try await request.body.collect(upTo: 1 << 20)
        do {
            return try decoder.decode(type, from: Data(buffer: buffer))
        } catch {
            throw APIError(
                status: .badRequest,
                code: "malformed-body",
                chinese: "请求内容格式有误。",
                english: "The request body is not the JSON this endpoint expects."
            )
        }
    }
}
