/// SM4 (GB/T 32907-2016) over OpenSSL, for cards whose FCI announces `03` (most 3.0 cards).
///
/// OpenSSL 3.0's default provider carries SM4 (checked on Debian 12's 3.0.x); where it does
/// not, every operation fails with ``CardCryptoError/openSSLUnavailable(_:)``.
public struct SM4: BlockCipher {
    private let key: SecretKey

    public var blockSize: Int { 16 }

    public init(key: SecretKey) throws(CardCryptoError) {
        guard key.byteCount == 16 else {
            throw .invalidKeyLength(cipher: "SM4", byteCount: key.byteCount, allowed: [16])
        }
        self.key = key
    }

    public func encryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.sm4ECB.crypt(data, key: key, encrypt: true)
    }

    public func decryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.sm4ECB.crypt(data, key: key, encrypt: false)
    }

    public func encryptCBC(_ data: [UInt8], initialVector: [UInt8]) throws(CardCryptoError) -> [UInt8] {
        try EVPCipher.sm4CBC.crypt(data, key: key, initialVector: initialVector, encrypt: true)
    }
}
