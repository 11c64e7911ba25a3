import BodyCompression
import Foundation
import KioskCore
import NIOCore
import Testing

@testable import CentreClient

@Suite("Sync bodies in gzip: negotiated, inflated piece by piece, capped, and refused when cut or corrupt")
struct BodyCompressionTests {
    /// A page-like text that compresses as the sync's JSON does.
    static let text = ByteBuffer(
        string: (0..<2_000).map { #"{"idNumber":"4301021985071\#($0 % 10_000)","name":"张三","region":"430102001001"}"# }
            .joined(separator: "\n"))

    /// `count` zero bytes, deflated a mebibyte at a time: a small stream that inflates huge.
    static func bomb(inflatingTo count: Int) throws -> ByteBuffer {
        var deflater = try GzipDeflater()
        var bomb = ByteBuffer()
        let mebibyte = ByteBuffer(repeating: 0, count: 1 << 20)
        for _ in 0..<(count >> 20) {
            var part = try deflater.deflate(mebibyte)
            bomb.writeBuffer(&part)
        }
        var last = try deflater.finish()
        bomb.writeBuffer(&last)
        return bomb
    }

    static func chunks(_ buffer: ByteBuffer, size: Int) -> AsyncThrowingStream<ByteBuffer, any Error> {
        AsyncThrowingStream { stream in
            for start in stride(from: 0, to: buffer.readableBytes, by: size) {
                stream.yield(buffer.getSlice(at: start, length: min(size, buffer.readableBytes - start))!)
            }
            stream.finish()
        }
    }

    @Test("Accept-Encoding picks gzip only when listed with a weight above zero; Content-Encoding is read")
    func negotiation() {
        #expect(ContentCoding.preferred(acceptEncoding: nil) == .identity)
        #expect(ContentCoding.preferred(acceptEncoding: "gzip") == .gzip)
        #expect(ContentCoding.preferred(acceptEncoding: "br, GZIP;q=0.5") == .gzip)
        #expect(ContentCoding.preferred(acceptEncoding: "*") == .gzip)
        #expect(ContentCoding.preferred(acceptEncoding: "gzip;q=0") == .identity)
        #expect(ContentCoding.preferred(acceptEncoding: "br, deflate") == .identity)
        #expect(ContentCoding(contentEncoding: nil) == .identity)
        #expect(ContentCoding(contentEncoding: " gzip ") == .gzip)
        #expect(ContentCoding(contentEncoding: "br") == nil)
    }

    @Test("a body deflated whole, or in flushed parts, inflates back byte for byte and smaller on the wire")
    func roundTrip() throws {
        let whole = try GzipDeflater.deflate(Self.text)
        #expect(whole.readableBytes * 4 < Self.text.readableBytes)
        #expect(try GzipInflater.inflate(whole, limit: 1 << 20) == Self.text)

        var deflater = try GzipDeflater()
        var stream = ByteBuffer()
        var inflater = try GzipInflater(limit: 1 << 20)
        var inflated = ByteBuffer()
        for start in stride(from: 0, to: Self.text.readableBytes, by: 10_000) {
            var part = try deflater.deflate(
                Self.text.getSlice(at: start, length: min(10_000, Self.text.readableBytes - start))!)
            stream.writeBuffer(&part)
            // Each flushed part inflates whole before the stream's end: a page is applied on arrival.
            while var piece = try inflater.piece(from: &stream) { inflated.writeBuffer(&piece) }
            #expect(inflated.readableBytes == min(start + 10_000, Self.text.readableBytes))
        }
        var last = try deflater.finish()
        while var piece = try inflater.piece(from: &last) { inflated.writeBuffer(&piece) }
        #expect(try inflater.finish() == nil)
        #expect(inflated == Self.text)
    }

    @Test(
        "a chunk that ends just as a piece fills up is no corruption: the next chunk goes on (seen on a village line)")
    func aPieceFilledAtTheEndOfAChunk() async throws {
        // Exactly one piece of text, deflated, sent without its 8-byte trailer and then with it: the
        // first chunk fills the piece to the byte and is used up, and zlib has nothing more for it.
        let text = ByteBuffer(bytes: (0..<GzipInflater.pieceBytes).map { UInt8(truncatingIfNeeded: ($0 * 7919) % 251) })
        var body = try GzipDeflater.deflate(text)
        let head = body.readSlice(length: body.readableBytes - 8)!
        let chunks = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            continuation.yield(head)
            continuation.yield(body)
            continuation.finish()
        }
        var inflated = ByteBuffer()
        for try await var piece in InflatedBody(chunks, limit: 1 << 20) { inflated.writeBuffer(&piece) }
        #expect(inflated == text)
    }

    @Test("a zip bomb stops at the cap with a coded error, never held whole: each piece at most 64 KiB")
    func zipBomb() async throws {
        let bomb = try Self.bomb(inflatingTo: 256 << 20)
        #expect(bomb.readableBytes < 1 << 20)
        #expect(throws: BodyCompressionError.tooLarge(limit: 8 << 20)) {
            _ = try GzipInflater.inflate(bomb, limit: 8 << 20)
        }
        var largest = 0
        var total = 0
        let error = await #expect(throws: BodyCompressionError.self) {
            for try await piece in InflatedBody(Self.chunks(bomb, size: 16 << 10), limit: 8 << 20) {
                largest = max(largest, piece.readableBytes)
                total += piece.readableBytes
            }
        }
        #expect(error?.code == .tooLarge)
        #expect(largest <= GzipInflater.pieceBytes)
        #expect(total <= 8 << 20)
    }

    @Test("a stream cut short is truncated, whatever the cut; bytes that are not gzip, or follow it, are corrupt")
    func truncatedAndGarbage() async throws {
        let whole = try GzipDeflater.deflate(Self.text)
        for cut in [1, 4, 8, whole.readableBytes / 2] {
            let short = whole.getSlice(at: 0, length: whole.readableBytes - cut)!
            #expect(throws: BodyCompressionError.truncated, "cut \(cut) bytes") {
                _ = try GzipInflater.inflate(short, limit: 1 << 20)
            }
            await #expect(throws: BodyCompressionError.truncated) {
                for try await _ in InflatedBody(Self.chunks(short, size: 333), limit: 1 << 20) {}
            }
        }
        var garbage = ByteBuffer()
        for index in 0..<4_096 { garbage.writeInteger(UInt8(truncatingIfNeeded: index &* 7919 &+ 13)) }
        #expect(throws: BodyCompressionError.corrupt) { _ = try GzipInflater.inflate(garbage, limit: 1 << 20) }
        #expect(throws: BodyCompressionError.corrupt) {
            _ = try GzipInflater.inflate(ByteBuffer(string: "{\"plain\":\"json\"}"), limit: 1 << 20)
        }
        var followed = whole
        followed.writeString("and then some")
        #expect(throws: BodyCompressionError.corrupt) { _ = try GzipInflater.inflate(followed, limit: 1 << 20) }
        #expect(throws: BodyCompressionError.truncated) { _ = try GzipInflater.inflate(ByteBuffer(), limit: 1 << 20) }
    }

    @Test("a gzip snapshot's pages come whole through NDJSONPages; a bomb of one endless line ends at the line limit")
    func snapshotPagesInGzip() async throws {
        let page = NDJSONPagesTests.page
        var deflater = try GzipDeflater()
        var body = ByteBuffer()
        for _ in 0..<3 {
            var part = try deflater.deflate(ByteBuffer(bytes: try NDJSONPagesTests.line(page) + Array("\n".utf8)))
            body.writeBuffer(&part)
        }
        var last = try deflater.finish()
        body.writeBuffer(&last)
        var pages: [ReferenceDataPage] = []
        for try await page in NDJSONPages(
            chunks: InflatedBody(Self.chunks(body, size: 50), limit: 1 << 20), path: "/sync/v1/snapshot")
        {
            pages.append(page)
        }
        #expect(pages == [page, page, page])

        let bomb = try Self.bomb(inflatingTo: 64 << 20)
        let error = await #expect(throws: CentreClientError.self) {
            for try await _ in NDJSONPages(
                chunks: InflatedBody(Self.chunks(bomb, size: 16 << 10), limit: 1 << 30), path: "/sync/v1/snapshot",
                maximumLineBytes: 1 << 20)
            {}
        }
        #expect(error?.code == .lineTooLong)
    }
}
