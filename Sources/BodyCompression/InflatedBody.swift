import NIOCore

/// A gzip body's chunks, inflated as they are read: each element is one piece of at most
/// ``GzipInflater/pieceBytes``, made only when asked for, the whole at most `limit` bytes. A body
/// cut short, corrupt or inflating past the cap ends the sequence with a ``BodyCompressionError``.
public struct InflatedBody<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Base.Element == ByteBuffer {
    public typealias Element = ByteBuffer
    public typealias Failure = any Error

    let base: Base
    let limit: Int

    public init(_ base: Base, limit: Int) {
        self.base = base
        self.limit = limit
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: Base.AsyncIterator
        let limit: Int
        var inflater: GzipInflater?
        /// The chunk being inflated.
        var input = ByteBuffer()
        var chunksEnded = false
        var ended = false

        public mutating func next() async throws -> ByteBuffer? {
            guard !ended else { return nil }
            var inflater = try self.inflater ?? GzipInflater(limit: limit)
            defer { self.inflater = inflater }
            while !chunksEnded {
                if let piece = try inflater.piece(from: &input) { return piece }
                if let chunk = try await chunks.next() { input = chunk } else { chunksEnded = true }
            }
            if let piece = try inflater.finish() { return piece }
            ended = true
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: base.makeAsyncIterator(), limit: limit)
    }
}
