@preconcurrency import Crypto
import HexCoding

/// The secret that seals the ledger's chain: each entry's hash is an HMAC-SHA256 under this key,
/// so someone who can write the database but not read the key file can neither rewrite an entry
/// nor forge the chain after it. Kept in a file of its own outside the database
/// (`KioskSQLite.LedgerKeyFile`); never logged, never in a message (``description`` shows only its
/// check value).
public struct LedgerKey: Sendable, CustomStringConvertible {
    private let key: SymmetricKey
    /// A short value that tells keys apart without revealing them (the first 8 bytes of an HMAC
    /// of a fixed text, in hex), kept beside the ledger so that a wrong key is named as such.
    public let check: String

    /// The key from its 32 bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        key = SymmetricKey(data: Array(bytes))
        check =
            Array(HMAC<SHA256>.authenticationCode(for: Array("sskiosk ledger key check".utf8), using: key))
            .prefix(8).compactHexString
    }

    /// A new random key.
    public static func generate() -> LedgerKey {
        LedgerKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })!
    }

    /// The key's 32 bytes, for the key file alone.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try key.withUnsafeBytes(body)
    }

    /// The HMAC-SHA256 of `text` under the key, in hex as the chain writes every hash.
    func seal(_ text: [UInt8]) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: text, using: key)).compactHexString
    }

    public var description: String { "ledger key \(check)" }
}
