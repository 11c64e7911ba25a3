import BodyCompression
import Foundation
import Hummingbird
import KioskCore
import NIOCore

/// Bodies in and out as ``SyncJSON`` (sorted keys, dates as milliseconds), the protocol's encoding,
/// in gzip both ways where the terminal speaks it.
enum CentreJSON {
    /// Every answer says `Accept-Encoding: gzip` (RFC 7694): a terminal learns from it that this centre
    /// reads gzip bodies, and an older terminal ignores it.
    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, coding: ContentCoding = .identity
    ) throws -> Response {
        var body = ByteBuffer(data: try SyncJSON.encoder().encode(value))
        if coding == .gzip { body = try GzipDeflater.deflate(body) }
        return Response(
            status: status, headers: headers(contentType: "application/json; charset=utf-8", coding: coding),
            body: .init(byteBuffer: body))
    }

    /// The headers of every answer with a body of `contentType` in `coding`.
    static func headers(contentType: String, coding: ContentCoding) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        // Pages carry personal data: no proxy or cache on the way may keep them.
        headers[.cacheControl] = "no-store"
        headers[.acceptEncoding] = ContentCoding.gzip.rawValue
        if coding != .identity {
            headers[.contentEncoding] = coding.rawValue
            headers[.vary] = "Accept-Encoding"
        }
        return headers
    }

    /// `value` in the coding the request's `Accept-Encoding` prefers: gzip when it lists it.
    static func response(_ value: some Encodable, for request: Request) throws -> Response {
        try response(value, coding: .preferred(acceptEncoding: request.headers[.acceptEncoding]))
    }

    /// The body as `type`, gzip or not as its `Content-Encoding` says; one over `limit` bytes (as sent,
    /// or once inflated) is refused with ``CentreError/bodyTooLarge(limit:)``, before a byte is read when
    /// its `Content-Length` says so, or as soon as it passes the limit.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        guard let coding = ContentCoding(contentEncoding: request.headers[.contentEncoding]) else {
            throw CentreError.unsupportedContentEncoding
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw CentreError.bodyTooLarge(limit: limit)
        }
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw CentreError.bodyTooLarge(limit: limit)
        }
        if coding == .gzip {
            do {
                buffer = try GzipInflater.inflate(buffer, limit: limit)
            } catch let error as BodyCompressionError where error.code == .tooLarge {
                throw CentreError.bodyTooLarge(limit: limit)
            } catch is BodyCompressionError {
                throw CentreError.unreadableCompressedBody
            }
        }
        guard let value = try? SyncJSON.decoder().decode(type, from: Data(buffer: buffer)) else {
            throw CentreError.malformedBody
        }
        return value
    }
}
