import Foundation
import KioskCore
import NIOCore
import NIOFoundationCompat

/// The snapshot's body as pages: one ``ReferenceDataPage`` per line, decoded when the consumer
/// asks for the next one. So the body is read (and the centre's sending held back by TCP) no
/// faster than pages are applied, and at most the page being written and the one being decoded
/// are in memory. A line longer than `maximumLineBytes` ends the stream with an error before it is
/// decoded: nothing of it is applied.
public struct NDJSONPages: AsyncSequence, Sendable {
    public typealias Element = ReferenceDataPage
    public typealias Failure = any Error

    let chunks: @Sendable () -> any AsyncIteratorProtocol<ByteBuffer, any Error>
    let path: String
    let maximumLineBytes: Int

    /// Pages from any sequence of chunks (an answer's body as it arrives, or inflated), with lines of at
    /// most `maximumLineBytes`.
    init(
        chunks: some AsyncSequence<ByteBuffer, any Error> & Sendable, path: String,
        maximumLineBytes: Int = ReferenceDataPage.maximumLineBytes
    ) {
        self.chunks = { chunks.makeAsyncIterator() }
        self.path = path
        self.maximumLineBytes = maximumLineBytes
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: any AsyncIteratorProtocol<ByteBuffer, any Error>
        var buffer = ByteBuffer()
        /// How many readable bytes are known to hold no newline: a page's line spans many chunks,
        /// and each chunk is searched once, not the whole line again.
        var searched = 0
        var ended = false
        let decoder = SyncJSON.decoder()
        let path: String
        let maximumLineBytes: Int

        public mutating func next() async throws -> ReferenceDataPage? {
            while true {
                let unsearched = buffer.readableBytesView.dropFirst(searched)
                if let newline = unsearched.firstIndex(of: UInt8(ascii: "\n")) {
                    try check(newline - buffer.readerIndex)
                    let line = buffer.readData(length: newline - buffer.readerIndex)!
                    buffer.moveReaderIndex(forwardBy: 1)
                    searched = 0
                    if line.isEmpty { continue }
                    return try decode(line)
                }
                searched = buffer.readableBytes
                try check(searched)
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

        /// Throws once a line is known to run past the limit.
        private func check(_ length: Int) throws {
            guard length <= maximumLineBytes else { throw CentreClientError.lineTooLong(path, limit: maximumLineBytes) }
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
        AsyncIterator(chunks: chunks(), path: path, maximumLineBytes: maximumLineBytes)
    }
}
