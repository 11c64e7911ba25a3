extension CardCryptography {
    /// The plaintext of encrypted data: LD || data, padded with `80 00..` only when it does not
    /// already fill its blocks (PBOC 2.0's data-encryption rule). A PSAM encrypts these blocks as
    /// they are, so the terminal builds them here.
    public static func encryptionBlocks(_ data: [UInt8], blockSize: Int) -> [UInt8] {
        let plain = [UInt8(truncatingIfNeeded: data.count)] + data
        return plain.count % blockSize == 0 ? plain : ISO9797Padding.pad(plain, blockSize: blockSize)
    }
}
