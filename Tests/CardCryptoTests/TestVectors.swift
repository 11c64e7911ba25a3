import CardCrypto
import HexCoding

/// Bytes from hex such as `"01 23 45"`; spaces are ignored. Traps on bad input: test vectors only.
func hex(_ text: String) -> [UInt8] { [UInt8](hex: text)! }

/// A key from hex test-vector text.
func key(_ text: String) -> SecretKey {
    SecretKey(bytes: hex(text))
}

/// The key's bytes, for tests that check derived keys.
func bytes(of key: SecretKey) -> [UInt8] {
    key.withUnsafeBytes { Array($0) }
}

/// A cipher that only offers ECB, so CBC and the MAC chain come from `BlockCipher`'s defaults:
/// stands in for a plug-in cipher such as SSF33.
struct ECBOnly: BlockCipher {
    let base: any BlockCipher
    var blockSize: Int { base.blockSize }
    func encryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] { try base.encryptECB(data) }
    func decryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] { try base.decryptECB(data) }
}

/// ASCII bytes of a string.
func ascii(_ text: String) -> [UInt8] {
    Array(text.utf8)
}
