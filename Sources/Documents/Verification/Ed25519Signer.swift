@preconcurrency import Crypto

/// A ``PayloadSigner`` holding an Ed25519 private key in memory.
public struct Ed25519Signer: PayloadSigner {
    public let keyID: String
    private let privateKey: Curve25519.Signing.PrivateKey

    public init(keyID: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.keyID = keyID
        self.privateKey = privateKey
    }

    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }

    public func signature(for message: [UInt8]) throws -> [UInt8] {
        do {
            return Array(try privateKey.signature(for: message))
        } catch {
            throw DocumentError.signingFailed("the Ed25519 key refused to sign")
        }
    }
}
