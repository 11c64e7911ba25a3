extension CardCryptography {
    /// The plaintext of encrypted data: LD || data, padded with `80 00..` only when it does not
    /// already fill its blocks (PBOC 2.0's data-encryption rule). A PSAM encrypts these blocks as
    /// they are, so the terminal builds them here.
    ///
    /// Built in one buffer of the final size: the data can be a PIN, and a buffer that grew would
    /// leave a copy behind where nobody can wipe it. The caller wipes the blocks once encrypted.
    public static func encryptionBlocks(_ data: some Collection<UInt8>, blockSize: Int) -> [UInt8] {
        let plainCount = 1 + data.count
        let count = plainCount % blockSize == 0 ? plainCount : (plainCount / blockSize + 1) * blockSize
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            buffer[0] = UInt8(truncatingIfNeeded: data.count)
            let end = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(fromContentsOf: data) + 1
            if end < count { buffer[end] = 0x80 }
            initialized = count
        }
    }
}
