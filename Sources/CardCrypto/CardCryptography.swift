/// The social security card's cryptography for one card algorithm: session keys, authentication
/// data, secure-messaging MACs, encrypted data and key diversification.
///
/// Both sides use it: the terminal computing what it sends to the card, and the card simulator
/// checking it. The rules follow the card specification's security part as summarised in
/// CARD.md; each place where the public sources leave a detail open says so and is marked
/// *unverified*. Keys go in as ``SecretKey``s and only ever reach the ``BlockCipher``.
public struct CardCryptography: Sendable {
    /// The card's algorithm, from the SSSE FCI's tag `86`.
    public let algorithm: CardAlgorithm
    /// Where the block ciphers come from; replace it to plug in SSF33 or a security module.
    public let ciphers: CipherFactory

    public init(algorithm: CardAlgorithm, ciphers: CipherFactory = .standard) {
        self.algorithm = algorithm
        self.ciphers = ciphers
    }

    /// The block cipher for ``algorithm`` under `key`.
    public func cipher(key: SecretKey) throws(CardCryptoError) -> any BlockCipher {
        try ciphers.cipher(for: algorithm, key: key)
    }

    /// The session key (过程密钥) for one exchange: E(K, random) with the card's random
    /// (GET CHALLENGE) zero-padded to one block.
    ///
    /// The session key is one block long: 16 bytes for SM4 and SSF33, and for DES/3DES 8 bytes,
    /// a single-length DES key even when K is double-length. That is the PBOC 2.0 convention
    /// (3DES of the 8-byte input under the double-length key gives a single-length session key),
    /// which the social security card specification follows; MACs under it are then plain
    /// single-DES CBC-MACs.
    public func sessionKey(_ key: SecretKey, random: [UInt8]) throws(CardCryptoError) -> SecretKey {
        let cipher = try cipher(key: key)
        let input = try zeroPadded(random, "random", blockSize: cipher.blockSize, allowsEmpty: false)
        var derived = try cipher.encryptECB(input)
        return SecretKey(wiping: &derived)
    }

    /// The 8 bytes of authentication data for EXTERNAL or INTERNAL AUTHENTICATE: E(Ks, original),
    /// with `original` (the card's or the terminal's random) zero-padded to one block; for
    /// 16-byte blocks the two halves of the result are XORed together.
    ///
    /// Zero-padding an 8-byte original to SM4's 16-byte block is *unverified*: it mirrors the
    /// session-key rule, and the public traces show 8-byte originals and 8-byte answers.
    public func authenticationData(_ key: SecretKey, original: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        let cipher = try cipher(key: key)
        let input = try zeroPadded(original, "original data", blockSize: cipher.blockSize, allowsEmpty: false)
        let block = try cipher.encryptECB(input)
        return cipher.blockSize == 16 ? xor(block.prefix(8), block.suffix(8)) : block
    }

    /// `bytes` followed by zeros up to one block.
    func zeroPadded(
        _ bytes: [UInt8],
        _ what: String,
        blockSize: Int,
        allowsEmpty: Bool
    ) throws(CardCryptoError) -> [UInt8] {
        let minimum = allowsEmpty ? 0 : 1
        guard (minimum...blockSize).contains(bytes.count) else {
            throw .invalidInputLength(what, byteCount: bytes.count, expected: "\(minimum) to \(blockSize) bytes")
        }
        return bytes + repeatElement(0, count: blockSize - bytes.count)
    }
}
