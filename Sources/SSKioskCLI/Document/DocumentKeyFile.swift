import ArgumentParser
@preconcurrency import Crypto
import Foundation
import HexCoding
import Secrets
import SmartCard

/// Ed25519 keys on the command line and on disk: 32 bytes in hex (a development signing key file
/// holds the private key's seed, and must be private to its owner: ``SecretFile``).
enum DocumentKeyFile {
    static func read(_ path: String) throws -> Curve25519.Signing.PrivateKey {
        try SecretFile.withContents(of: path) { text in
            let seed = try bytes(String(decoding: text, as: UTF8.self))
            defer { seed.wipe() }
            return try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        }
    }

    static func bytes(_ hex: String) throws -> [UInt8] {
        guard let bytes = [UInt8](hex: hex.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw ValidationError("An Ed25519 key is 32 bytes written as 64 hex digits.")
        }
        return bytes
    }

    static func hex(_ key: Curve25519.Signing.PublicKey) -> String {
        Array(key.rawRepresentation).hexString.replacingOccurrences(of: " ", with: "")
    }
}
