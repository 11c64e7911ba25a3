import CodedErrors

/// An error from the card's cryptography: what happened, and what to do about it.
///
/// A ``CodedError``: a static member per code, a message for a technician. Messages name lengths
/// and algorithms, never key bytes, PINs or decrypted data.
public struct CardCryptoError: CodedError {
    public enum Code: Hashable, Sendable {
        case invalidKeyLength
        case invalidDataLength
        case invalidInputLength
        case invalidPadding
        case invalidEncryptedData
        case dataTooLong
        case invalidFactor
        case algorithmUnavailable
        case unsupportedBlockSize
        case openSSLUnavailable
        case openSSLFailure
        case cipherFailure
    }

    public let code: Code
    /// What went wrong and what to do about it.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    // MARK: Keys and inputs

    /// A key whose length the cipher cannot use; `allowed` lists the lengths it takes.
    public static func invalidKeyLength(cipher: String, byteCount: Int, allowed: [Int]) -> Self {
        let names = allowed.map(String.init)
        let lengths = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
        return Self(
            .invalidKeyLength,
            "A \(cipher) key must be \(lengths) bytes long, not \(byteCount). Check the key configuration or the key provider."
        )
    }

    /// Data handed to a block cipher that is not a whole number of blocks.
    public static func invalidDataLength(byteCount: Int, blockSize: Int) -> Self {
        Self(
            .invalidDataLength,
            "\(byteCount) bytes are not a whole number of \(blockSize)-byte blocks. This is a fault in the calling code; report it."
        )
    }

    /// A random, challenge, initial vector or factor of the wrong length; `what` names it.
    public static func invalidInputLength(_ what: String, byteCount: Int, expected: String) -> Self {
        Self(.invalidInputLength, "The \(what) is \(byteCount) bytes long; it must be \(expected).")
    }

    public static let invalidPadding = Self(
        .invalidPadding,
        "Decrypted data does not end in valid 80 00.. padding: the key is wrong or the data was damaged. Check that the right key is used."
    )

    /// Decrypted card data whose length byte does not fit; `reason` says how.
    public static func invalidEncryptedData(_ reason: String) -> Self {
        Self(
            .invalidEncryptedData,
            "Decrypted data is not valid (\(reason)): the key is wrong or the data was damaged. Check that the right key is used."
        )
    }

    /// Data longer than one length byte (LD or Lc) can announce.
    public static func dataTooLong(_ what: String, byteCount: Int, maximum: Int) -> Self {
        Self(
            .dataTooLong,
            "The \(what) is \(byteCount) bytes long; at most \(maximum) fit. Split the data into smaller pieces.")
    }

    /// A key diversification factor that cannot be built; `reason` says why.
    public static func invalidFactor(_ reason: String) -> Self {
        Self(.invalidFactor, "Invalid key diversification factor: \(reason).")
    }

    // MARK: Algorithms

    /// No cipher is registered for the card's algorithm (SSF33 has no public implementation).
    public static func algorithmUnavailable(_ algorithm: CardAlgorithm) -> Self {
        Self(
            .algorithmUnavailable,
            "This terminal cannot compute \(algorithm) in software. Use a PSAM or security module that supports it, "
                + "or register a cipher for it in the CipherFactory.")
    }

    /// A registered cipher whose block size is neither 8 nor 16 bytes.
    public static func unsupportedBlockSize(_ blockSize: Int, algorithm: CardAlgorithm) -> Self {
        Self(
            .unsupportedBlockSize,
            "The cipher registered for \(algorithm) has \(blockSize)-byte blocks; the card uses 8 or 16. Check the cipher registration."
        )
    }

    /// OpenSSL's providers do not offer a cipher, e.g. SM4 on an OpenSSL built without it.
    public static func openSSLUnavailable(_ cipherName: String) -> Self {
        Self(
            .openSSLUnavailable,
            "OpenSSL on this machine does not offer \(cipherName). Install OpenSSL 3 (Debian: libssl3) with its default provider enabled."
        )
    }

    /// An OpenSSL call that failed; `reason` is OpenSSL's own error text, which carries no key bytes.
    public static func openSSLFailure(_ operation: String, reason: String) -> Self {
        Self(.openSSLFailure, "OpenSSL failed to \(operation): \(reason). Report this to a technician.")
    }

    /// A failure inside a caller-provided cipher (an SSF33 module, a security module, ...).
    public static func cipherFailure(_ reason: String) -> Self {
        Self(.cipherFailure, "The cipher failed: \(reason).")
    }
}
