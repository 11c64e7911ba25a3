import Foundation
import Hummingbird
import KioskCore

/// Bodies in and out as ``SyncJSON`` (sorted keys, dates as milliseconds), the protocol's encoding.
enum CentreJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        // Pages carry personal data: no proxy or cache on the way may keep them.
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(data: try SyncJSON.encoder().encode(value))))
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let buffer = try await request.body.collect(upTo: limit)
        guard let value = try? SyncJSON.decoder().decode(type, from: Data(buffer: buffer)) else {
            throw CentreError.malformedBody
        }
        return value
    }
}
