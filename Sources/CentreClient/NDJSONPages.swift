import AsyncHTTPClient
import Foundation
import KioskCore
import NIOCore
import NIOFoundationCompat

/// The snapshot's body as pages: one ``ReferenceDataPage`` per line, decoded when the consumer
/// asks for the next one. So the body is read (and the centre's sending held back by TCP) no
/// faster than pages are applied, and at most the page being written and the one being decoded
/// are in memory.
public struct NDJSONPages: AsyncSequence, Sendable {
    public typealias Element = ReferenceDataPage
    public typealias Failure = any Error

    let body: HTTPClientResponse.Body
    let path: String

    public struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: HTTPClientResponse.Body.AsyncIterator
        var buffer = ByteBuffer()
        /// How many readable bytes are known to hold no newline: a page's line spans many chunks,
        /// and each chunk is searched once, not the whole line again.
        var searched = 0
        var ended = false
        let decoder = SyncJSON.decoder()
        let path: String

        public mutating func next() async throws -> ReferenceDataPage? {
            while true {
                let unsearched = buffer.readableBytesView.dropFirst(searched)
                if let newline = unsearched.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = buffer.readData(length: newline - buffer.readerIndex)!
                    buffer.moveReaderIndex(forwardBy: 1)
                    searched = 0
                    if line.isEmpty { continue }
                    return try decode(line)
                }
                searched = buffer.readableBytes
                if ended {
                    guard buffer.readableBytes > 0 else { return nil }
                    let line = buffer.readData(length: buffer.readableBytes)!
                    return try decode(line)
                }
                if var chunk = try await chunks.next() {
                    buffer.discardReadBytes()
                    buffer.writeBuffer(&chunk)
                } else {
                    ended = true
                }
            }
        }

        private func decode(_ line: Data) throws -> ReferenceDataPage {
            do {
                return try decoder.decode(ReferenceDataPage.self, from: line)
            } catch {
                throw CentreClientError.malformedAnswer(path, "a page of the snapshot: \(error)")
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: body.makeAsyncIterator(), path: path)
    }
}
