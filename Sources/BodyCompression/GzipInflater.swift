import CompressNIO
import NIOCore

/// Inflates a gzip stream piece by piece as its chunks arrive, each piece at most ``pieceBytes``,
/// and counts every inflated byte against a cap: however the stream was made, memory holds one
/// piece, and a stream that inflates past the cap stops with ``BodyCompressionError/tooLarge(limit:)``.
public struct GzipInflater {
    /// The most one piece of output holds.
    public static let pieceBytes = 64 << 10

    /// The most the whole stream may inflate to.
    public let limit: Int
    /// Bytes inflated so far.
    public private(set) var inflatedBytes = 0
    private let decompressor: any NIODecompressor
    private let allocator = ByteBufferAllocator()
    /// zlib filled the last piece and may hold more output for the input it has taken.
    private var holdsOutput = false

    public init(limit: Int) throws {
        self.limit = limit
        decompressor = CompressionAlgorithm.gzip().decompressor
        try decompressor.startStream()
    }

    /// The next piece inflated from `input` (which it reads from), or nil once `input` is used up
    /// with no output left to give. Bytes after the end of the gzip stream are
    /// ``BodyCompressionError/corrupt``.
    public mutating func piece(from input: inout ByteBuffer) throws -> ByteBuffer? {
        while input.readableBytes > 0 || holdsOutput {
            let before = input.readableBytes
            var output = allocator.buffer(capacity: Self.pieceBytes)
            do {
                try decompressor.streamInflate(from: &input, to: &output)
                holdsOutput = false
            } catch let error as CompressNIOError where error == .bufferOverflow {
                holdsOutput = true
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                holdsOutput = false
            } catch {
                throw BodyCompressionError.corrupt
            }
            if output.readableBytes > 0 { return try counted(output) }
            // Nothing made from no input: the last piece filled up just as the chunk ran out, and
            // zlib held nothing more. The next chunk goes on.
            if before == 0 { return nil }
            // Nothing taken and nothing made: the stream has ended and these bytes follow it.
            if input.readableBytes == before { throw BodyCompressionError.corrupt }
        }
        return nil
    }

    /// After the last chunk: the next piece of output still held, or nil once the stream has ended
    /// whole. A stream cut short is ``BodyCompressionError/truncated``.
    public mutating func finish() throws -> ByteBuffer? {
        var input = allocator.buffer(capacity: 0)
        var output = allocator.buffer(capacity: Self.pieceBytes)
        do {
            try decompressor.streamInflate(from: &input, to: &output)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            return try counted(output)
        } catch let error as CompressNIOError where error == .inputBufferOverflow {
            // zlib can make nothing more and wants input that will not come.
            throw BodyCompressionError.truncated
        } catch {
            throw BodyCompressionError.corrupt
        }
        // Without input zlib answers with no error and no output only at the stream's end.
        guard output.readableBytes > 0 else {
            try decompressor.finishStream()
            return nil
        }
        return try counted(output)
    }

    /// A whole body inflated, at most `limit` bytes.
    public static func inflate(_ body: ByteBuffer, limit: Int) throws -> ByteBuffer {
        var inflater = try GzipInflater(limit: limit)
        var input = body
        var whole = ByteBuffer()
        while var piece = try inflater.piece(from: &input) { whole.writeBuffer(&piece) }
        while var piece = try inflater.finish() { whole.writeBuffer(&piece) }
        return whole
    }

    private mutating func counted(_ output: ByteBuffer) throws -> ByteBuffer {
        inflatedBytes += output.readableBytes
        guard inflatedBytes <= limit else { throw BodyCompressionError.tooLarge(limit: limit) }
        return output
    }
}
