/// Makes the block cipher for a card algorithm and a key: where SSF33 (or a replacement for the
/// software ciphers, such as a security module) is plugged in.
///
/// ``standard`` knows DES/3DES and SM4. SSF33 has no public description, so asking for it fails
/// with ``CardCryptoError/algorithmUnavailable(_:)`` until a caller registers a maker for it.
public struct CipherFactory: Sendable {
    /// Builds a cipher under `key`; throws ``CardCryptoError/invalidKeyLength(cipher:byteCount:allowed:)``
    /// for a key it cannot use.
    public typealias Maker = @Sendable (_ key: SecretKey) throws(CardCryptoError) -> any BlockCipher

    private var makers: [CardAlgorithm: Maker]

    /// No algorithms at all: the start for a factory that must not fall back to software ciphers.
    public init() {
        makers = [:]
    }

    /// DES/3DES and SM4 from OpenSSL.
    public static let standard: CipherFactory = {
        var factory = CipherFactory()
        factory.register(.des) { key throws(CardCryptoError) in try TripleDES(key: key) }
        factory.register(.sm4) { key throws(CardCryptoError) in try SM4(key: key) }
        return factory
    }()

    /// Makes `algorithm` use ciphers built by `maker`, replacing any earlier registration.
    public mutating func register(_ algorithm: CardAlgorithm, maker: @escaping Maker) {
        makers[algorithm] = maker
    }

    /// The cipher for `algorithm` under `key`.
    public func cipher(for algorithm: CardAlgorithm, key: SecretKey) throws(CardCryptoError) -> any BlockCipher {
        guard let maker = makers[algorithm] else { throw .algorithmUnavailable(algorithm) }
        let cipher = try maker(key)
        guard cipher.blockSize == 8 || cipher.blockSize == 16 else {
            throw .unsupportedBlockSize(cipher.blockSize, algorithm: algorithm)
        }
        return cipher
    }
}
