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
        let buffer = try await collect(request)
        do {
            return try decoder.decode(type, from: Data(buffer: buffer))
        } catch {
            throw APIError.malformedBody
        }
    }

    /// The request's body, once its media type says JSON.
    static func collect(_ request: Request) async throws -> ByteBuffer {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard mediaType?.lowercased() == "application/json" else { throw APIError.jsonOnly }
        return try await request.body.collect(upTo: 1 << 20)
    }
}
