/// DES and 3DES (TDEA, NIST SP 800-67) over OpenSSL, for cards whose FCI announces `01`.
///
/// Takes an 8-byte single-DES key (run as 3DES with K1 = K2 = K3, which equals single DES), a
/// 16-byte double-length key (K1 K2 K1, the card's usual form) or a 24-byte three-key key.
public struct TripleDES: BlockCipher {
    /// The key in OpenSSL's three-key form.
    private let expandedKey: SecretKey
    /// The caller's key length: 8, 16 or 24.
    private let keyLength: Int

    public var blockSize: Int { 8 }

    public init(key: SecretKey) throws(CardCryptoError) {
        let length = key.byteCount
        guard [8, 16, 24].contains(length) else {
            throw .invalidKeyLength(cipher: "DES/3DES", byteCount: length, allowed: [8, 16, 24])
        }
        keyLength = length
        expandedKey = key.withUnsafeBytes { bytes in
            SecretKey(byteCount: 24) { expanded in
                for index in 0..<24 {
                    // 8 bytes: K K K; 16 bytes: K1 K2 K1; 24 bytes: as given.
                    expanded[index] = bytes[index % length]
                }
            }
        }
    }

    public func encryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.tripleDESECB.crypt(data, key: expandedKey, encrypt: true)
    }

    public func decryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.tripleDESECB.crypt(data, key: expandedKey, encrypt: false)
    }

    public func encryptCBC(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.tripleDESCBC.crypt(data, key: expandedKey, initialVector: initialVector, encrypt: true)
    }

    /// The MAC chain the card computes: with a single-length key plain CBC; with a double- or
    /// triple-length key, single DES under the left key K1 for every block but the last, and the
    /// full 3DES key for the last block.
    ///
    /// This is the "3DES MAC" of PBOC 2.0 secure messaging (JR/T 0025), which the social
    /// security card specification follows; for a double-length key it equals ISO/IEC 9797-1
    /// MAC algorithm 3 (the retail MAC of ANSI X9.19) with K = K1, K' = K2, and is checked
    /// against that standard's annex B examples. The triple-length case extends the same shape
    /// (last block under K1 K2 K3) and is *unverified* against a card: the card uses double-length keys.
    public func macChain(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        guard keyLength > 8 else { return try lastCBCBlock(data, initialVector: initialVector) }
        try requireWholeBlocks(data.count, blockSize: blockSize)
        try requireBlock(initialVector, "initial vector", blockSize: blockSize)
        guard !data.isEmpty else { throw .invalidDataLength(byteCount: 0, blockSize: blockSize) }
        let leftKey = try TripleDES(key: expandedKey.prefix(8))
        let head = Array(data.dropLast(blockSize))
        let chain = head.isEmpty ? initialVector : try leftKey.lastCBCBlock(head, initialVector: initialVector)
        return try encryptECB(xor(chain, data.suffix(blockSize)))
    }
}
