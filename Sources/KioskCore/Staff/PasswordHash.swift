import CCrypto
import HexCoding

/// A staff password stored as a salted scrypt hash (OpenSSL's EVP_PBE_scrypt), in the text form
/// `scrypt$N$r$p$salt$hash`. scrypt is slow and memory-hard on purpose: a stolen terminal
/// database does not give up passwords cheaply.
public struct PasswordHash: Codable, Hashable, Sendable, CustomStringConvertible {
    public let encoded: String

    /// Work factors: N = 2^15, r = 8, p = 1 (32 MiB, about a tenth of a second here).
    public static let defaultCost = 15

    public init(encoded: String) { self.encoded = encoded }

    /// A hash at the stored hashes' cost that no password matches, for sign-ins with ids that name
    /// no one: checking against it costs the full scrypt, so the time taken does not tell who is staff.
    public static let decoy = PasswordHash(
        encoded: "scrypt$\(1 << defaultCost)$8$1$\(String(repeating: "0", count: 32))$"
            + String(repeating: "0", count: 64))

    /// Hashes `password` with a fresh random salt.
    public init(hashing password: String, cost: Int = defaultCost) throws(KioskError) {
        var salt = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&salt, 16) == 1 else { throw Self.failure }
        let hash = try Self.scrypt(password, salt: salt, n: 1 << cost, r: 8, p: 1)
        encoded = "scrypt$\(1 << cost)$8$1$\(salt.compactHexString)$\(hash.compactHexString)"
    }

    /// Whether `password` matches, compared in constant time.
    public func verify(_ password: String) -> Bool {
        guard let parameters,
            let actual = try? Self.scrypt(
                password, salt: parameters.salt, n: parameters.n, r: parameters.r, p: parameters.p)
        else { return false }
        let expected = parameters.hash
        return actual.count == expected.count && CRYPTO_memcmp(actual, expected, expected.count) == 0
    }

    public var description: String { "PasswordHash(scrypt)" }

    /// Whether the text has the form ``verify(_:)`` reads, at work factors it accepts (N a power of
    /// two from 2^10 to 2^20): a hash from elsewhere is checked before it is kept.
    public var isWellFormed: Bool {
        guard let parameters else { return false }
        return parameters.n.nonzeroBitCount == 1 && (1 << 10...1 << 20).contains(parameters.n)
            && parameters.hash.count == 32
    }

    /// The text's parts, `scrypt$N$r$p$salt$hash` with a salt; nil for any other text.
    private var parameters: (n: UInt64, r: UInt64, p: UInt64, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = UInt64(parts[1]), let r = UInt64(parts[2]),
            let p = UInt64(parts[3]), let salt = [UInt8](hex: parts[4]), !salt.isEmpty,
            let hash = [UInt8](hex: parts[5])
        else { return nil }
        return (n, r, p, salt, hash)
    }

    private static let failure = KioskError(
        code: "password-hash-failed",
        chinese: "密码处理失败，请联系技术员。",
        english: "The password could not be processed. Ask a technician.",
        httpStatus: 500
    )

    private static func scrypt(_ password: String, salt: [UInt8], n: UInt64, r: UInt64, p: UInt64) throws(KioskError)
        -> [UInt8]
    {
        var output = [UInt8](repeating: 0, count: 32)
        let utf8 = Array(password.utf8)
        let status = EVP_PBE_scrypt(utf8, utf8.count, salt, salt.count, n, r, p, 64 << 20, &output, output.count)
        guard status == 1 else { throw failure }
        return output
    }
}
