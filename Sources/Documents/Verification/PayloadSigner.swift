@preconcurrency import Crypto

/// Signs verification payloads. The seam between documents and wherever the terminal keeps its
/// signing key (a file for development, a PSAM or a hardware module in the field).
public protocol PayloadSigner: Sendable {
    /// The key's id, written into every payload so the verifier knows which public key to use.
    var keyID: String { get }
    /// The public half, so the terminal can check its own documents' codes while the centre is out
    /// of reach.
    var publicKey: Curve25519.Signing.PublicKey { get }
    /// An Ed25519 signature of `message`.
    func signature(for message: [UInt8]) throws -> [UInt8]
}
