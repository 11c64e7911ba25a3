import Foundation
import Hummingbird
import KioskCore
import NIOCore

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

    /// The body as `type`; one over `limit` bytes is refused with ``CentreError/bodyTooLarge(limit:)``,
    /// before a byte is read when its `Content-Length` says so, or as soon as it passes the limit.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw CentreError.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw CentreError.bodyTooLarge(limit: limit)
        }
        guard let value = try? SyncJSON.decoder().decode(type, from: Data(buffer: buffer)) else {
            throw CentreError.malformedBody
        }
        return value
    }
}
