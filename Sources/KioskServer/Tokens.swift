import CCrypto
import HexCoding
import SmartCard

/// Random bearer tokens: 32 bytes from OpenSSL's generator, in hex.
enum Tokens {
    static func make() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        precondition(RAND_bytes(&bytes, 32) == 1, "OpenSSL's random generator failed")
        return bytes.compactHexString
    }
}
