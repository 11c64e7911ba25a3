/// A block cipher under one key: the seam where 3DES, SM4 and a caller's SSF33 plug in.
///
/// A plug-in cipher needs only ``blockSize`` and the two ECB operations; CBC and the MAC chain
/// have default implementations built on ECB. Errors are ``CardCryptoError`` so that callers see
/// one error type whichever cipher the card uses (a plug-in maps its own failures to
/// ``CardCryptoError/cipherFailure(_:)``).
public protocol BlockCipher: Sendable {
    /// Bytes per block: 8 for DES/3DES, 16 for SM4 and SSF33.
    var blockSize: Int { get }

    /// Encrypts whole blocks, each on its own.
    func encryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8]

    /// Decrypts whole blocks, each on its own.
    func decryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8]

    /// Encrypts whole blocks in CBC mode from `initialVector` (one block long).
    func encryptCBC(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8]

    /// The full last block of the MAC chain over `data` (whole blocks, already padded).
    ///
    /// By default the last block of ``encryptCBC(_:initialVector:)``; ``TripleDES`` with a
    /// double- or triple-length key changes it to ISO/IEC 9797-1 MAC algorithm 3.
    func macChain(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8]
}

extension BlockCipher {
    public func encryptCBC(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try requireWholeBlocks(data.count, blockSize: blockSize)
        try requireBlock(initialVector, "initial vector", blockSize: blockSize)
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var chain = initialVector
        for start in stride(from: 0, to: data.count, by: blockSize) {
            chain = try encryptECB(xor(chain, data[start..<start + blockSize]))
            output += chain
        }
        return output
    }

    public func macChain(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try lastCBCBlock(data, initialVector: initialVector)
    }

    /// The plain CBC-MAC chain value (ISO/IEC 9797-1 MAC algorithm 1 before truncation).
    func lastCBCBlock(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        guard !data.isEmpty else { throw .invalidDataLength(byteCount: 0, blockSize: blockSize) }
        return Array(try encryptCBC(data, initialVector: initialVector).suffix(blockSize))
    }
}

/// Throws unless `count` bytes are a whole number of blocks.
func requireWholeBlocks(_ count: Int, blockSize: Int) throws(CardCryptoError) {
    guard count % blockSize == 0 else { throw .invalidDataLength(byteCount: count, blockSize: blockSize) }
}

/// Throws unless `bytes` is exactly one block.
func requireBlock(_ bytes: [UInt8], _ what: String, blockSize: Int) throws(CardCryptoError) {
    guard bytes.count == blockSize else {
        throw .invalidInputLength(what, byteCount: bytes.count, expected: "\(blockSize) bytes")
    }
}

/// Byte-wise exclusive or of two equally long byte sequences.
func xor(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> [UInt8] {
    zip(lhs, rhs).map { $0 ^ $1 }
}
