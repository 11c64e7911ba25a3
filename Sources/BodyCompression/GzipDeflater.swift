import CompressNIO
import NIOCore

/// Deflates a stream into gzip one part at a time, each part flushed (`Z_SYNC_FLUSH`), so that the
/// reader can inflate every part sent so far: a snapshot's page is applied at the terminal while
/// the next is still being compressed at the centre.
public struct GzipDeflater {
    private let compressor: any NIOCompressor
    private let allocator = ByteBufferAllocator()

    public init() throws {
        compressor = CompressionAlgorithm.gzip().compressor
        try compressor.startStream()
    }

    /// `part` compressed and flushed.
    public mutating func deflate(_ part: ByteBuffer) throws -> ByteBuffer {
        var input = part
        var output = allocator.buffer(capacity: compressor.maxSize(from: input))
        try compressor.streamDeflate(from: &input, to: &output, flush: .sync)
        return output
    }

    /// The end of the stream: the last block and gzip's trailer.
    public mutating func finish() throws -> ByteBuffer {
        var output = allocator.buffer(capacity: 64)
        try compressor.finishDeflate(to: &output)
        try compressor.finishStream()
        return output
    }

    /// A whole body as one gzip stream.
    public static func deflate(_ body: ByteBuffer) throws -> ByteBuffer {
        var body = body
        return try body.compress(with: .gzip())
    }
}
