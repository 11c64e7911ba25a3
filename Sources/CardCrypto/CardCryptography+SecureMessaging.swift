import CCrypto

extension CardCryptography {
    /// The MAC's length in bytes: what secure messaging appends to command data.
    public static let macLength = 4

    /// The bytes a command's MAC covers: CLA with the secure-messaging bit (low nibble `4`),
    /// INS, P1, P2, Lc counting the MAC that will follow, then the data (plain or encrypted).
    ///
    /// Le is not covered. Only short APDUs are used with secure messaging, so data and MAC must
    /// fit one Lc byte.
    public static func commandMACInput(
        cla: UInt8,
        ins: UInt8,
        p1: UInt8,
        p2: UInt8,
        data: [UInt8]
    ) throws(CardCryptoError) -> [UInt8] {
        let lc = data.count + macLength
        guard lc <= 255 else { throw .dataTooLong("command data with its MAC", byteCount: lc, maximum: 255) }
        return [cla | 0x04, ins, p1, p2, UInt8(lc)] + data
    }

    /// The 4-byte MAC over `data` under `key`.
    ///
    /// `data` is padded with ISO/IEC 9797-1 method 2 (`80 00..`, a whole extra block when it
    /// already fills its blocks) and run through the cipher's MAC chain in CBC mode from
    /// `initialVector` zero-padded to one block (empty: all zeros; the card's challenge where
    /// the command asks for it). 8-byte block ciphers keep the chain's left 4 bytes; 16-byte
    /// block ciphers XOR its four 4-byte quarters. With a double-length DES key the chain is
    /// PBOC's 3DES MAC, see ``TripleDES/macChain(_:initialVector:)``.
    public func mac(_ key: SecretKey, data: [UInt8], initialVector: [UInt8] = []) throws(CardCryptoError) -> [UInt8] {
        let cipher = try cipher(key: key)
        let blockSize = cipher.blockSize
        let iv = try zeroPadded(initialVector, "initial vector", blockSize: blockSize, allowsEmpty: true)
        let chain = try cipher.macChain(ISO9797Padding.pad(data, blockSize: blockSize), initialVector: iv)
        guard blockSize == 16 else { return Array(chain.prefix(Self.macLength)) }
        var folded = [UInt8](repeating: 0, count: Self.macLength)
        for start in stride(from: 0, to: blockSize, by: Self.macLength) {
            folded = xor(folded, chain[start..<start + Self.macLength])
        }
        return folded
    }

    /// Whether `mac` is the MAC of `data` under `key`, compared in constant time.
    public func isValidMAC(
        _ mac: [UInt8],
        key: SecretKey,
        data: [UInt8],
        initialVector: [UInt8] = []
    ) throws(CardCryptoError) -> Bool {
        let expected = try self.mac(key, data: data, initialVector: initialVector)
        return mac.count == expected.count && CRYPTO_memcmp(mac, expected, expected.count) == 0
    }

    /// Encrypts data for the card (a PIN to reload, a key to load): LD || data, padded with
    /// `80 00..` only when it does not already fill its blocks, encrypted in ECB mode.
    ///
    /// The "no padding when already whole blocks" rule is PBOC 2.0's data-encryption rule, which
    /// the social security card specification follows *(unverified against a card: the public
    /// traces only show data that needs padding)*.
    public func encryptData(_ data: [UInt8], key: SecretKey) throws(CardCryptoError) -> [UInt8] {
        guard data.count <= 255 else { throw .dataTooLong("data to encrypt", byteCount: data.count, maximum: 255) }
        let cipher = try cipher(key: key)
        return try cipher.encryptECB(Self.encryptionBlocks(data, blockSize: cipher.blockSize))
    }

    /// The inverse of ``encryptData(_:key:)``: decrypts, checks that LD fits and that the padding
    /// is exactly what encryption would have added, and returns the data.
    public func decryptData(_ cryptogram: [UInt8], key: SecretKey) throws(CardCryptoError) -> [UInt8] {
        let cipher = try cipher(key: key)
        guard !cryptogram.isEmpty else { throw .invalidEncryptedData("no data") }
        let plain = try cipher.decryptECB(cryptogram)
        let end = 1 + Int(plain[0])
        guard end <= plain.count else {
            throw .invalidEncryptedData("the length byte announces \(end - 1) bytes, only \(plain.count - 1) follow")
        }
        let content = end % cipher.blockSize == 0 ? plain : try ISO9797Padding.unpad(plain, blockSize: cipher.blockSize)
        guard content.count == end else { throw .invalidEncryptedData("the length byte does not match the padding") }
        return Array(content[1...])
    }
}
