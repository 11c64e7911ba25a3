import Foundation
import KioskCore
import NIOCore
import SocialSecurityCard
import Testing

@testable import CentreClient

@Suite("The snapshot's lines as pages, none longer than the limit")
struct NDJSONPagesTests {
    static let page = ReferenceDataPage(
        people: [
            Person(
                idNumber: "430102198507141238", name: "张三", sex: .male,
                birthDate: try! .init(year: 1985, month: 7, day: 14),
                regionCode: "430102001001")
        ], cursor: "7", asOf: Date(milliseconds: 1_790_000_000_000))

    /// `text` cut into chunks of `size` bytes, as a body arrives.
    static func chunks(_ text: [UInt8], size: Int) -> AsyncThrowingStream<ByteBuffer, any Error> {
        AsyncThrowingStream { stream in
            for start in stride(from: 0, to: text.count, by: size) {
                stream.yield(ByteBuffer(bytes: text[start..<min(start + size, text.count)]))
            }
            stream.finish()
        }
    }

    static func line(_ page: ReferenceDataPage) throws -> [UInt8] { Array(try SyncJSON.encoder().encode(page)) }

    @Test("pages split across chunks come whole; a blank line is skipped; the last needs no newline")
    func pagesAcrossChunks() async throws {
        let line = try Self.line(Self.page)
        let body = line + Array("\n\n".utf8) + line
        var pages: [ReferenceDataPage] = []
        for try await page in NDJSONPages(chunks: Self.chunks(body, size: 7), path: "/sync/v1/snapshot") {
            pages.append(page)
        }
        #expect(pages == [Self.page, Self.page])
    }

    @Test("a line past the limit ends the stream with a coded error before it is decoded", arguments: [true, false])
    func aLineTooLongIsRefused(endsWithNewline: Bool) async throws {
        let line = try Self.line(Self.page)
        let limit = line.count + 10
        let long = Array(repeating: UInt8(ascii: " "), count: limit + 1) + line
        let body = line + Array("\n".utf8) + long + (endsWithNewline ? Array("\n".utf8) : [])
        var pages: [ReferenceDataPage] = []
        let error = await #expect(throws: CentreClientError.self) {
            for try await page in NDJSONPages(
                chunks: Self.chunks(body, size: 16), path: "/sync/v1/snapshot", maximumLineBytes: limit)
            {
                pages.append(page)
            }
        }
        #expect(error?.code == .lineTooLong)
        #expect(error?.message.contains("\(limit) bytes") == true)
        #expect(pages == [Self.page], "the page before the long line, and nothing of it")
    }

    @Test("a line exactly at the limit is read")
    func aLineAtTheLimitIsRead() async throws {
        let line = try Self.line(Self.page)
        var pages = 0
        for try await _ in NDJSONPages(
            chunks: Self.chunks(line + Array("\n".utf8), size: 5), path: "/sync/v1/snapshot",
            maximumLineBytes: line.count)
        {
            pages += 1
        }
        #expect(pages == 1)
    }
}
