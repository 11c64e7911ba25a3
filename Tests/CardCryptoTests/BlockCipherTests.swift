import CardCrypto
import Testing

@Suite struct BlockCipherTests {
    // MARK: DES and 3DES

    /// FIPS PUB 81 appendix B: "Now is the time for all " under 0123456789ABCDEF.
    static let fips81Plain = ascii("Now is the time for all ")
    static let fips81Key = "0123456789ABCDEF"

    @Test func singleDESMatchesFIPS81ECB() throws {
        let des = try TripleDES(key: key(Self.fips81Key))
        let cipher = try des.encryptECB(Self.fips81Plain)
        #expect(cipher == hex("3FA40E8A984D4815 6A271787AB8883F9 893D51EC4B563B53"))
        #expect(try des.decryptECB(cipher) == Self.fips81Plain)
    }

    @Test func singleDESMatchesFIPS81CBC() throws {
        let des = try TripleDES(key: key(Self.fips81Key))
        let cipher = try des.encryptCBC(Self.fips81Plain, initialVector: hex("1234567890ABCDEF"))
        #expect(cipher == hex("E5C7CDDE872BF27C 43E934008C389C0F 683788499A7C05F6"))
    }

    /// NIST SP 800-20, variable plaintext known answer test (all keys 01..01), first entries.
    @Test(arguments: [
        ("8000000000000000", "95F8A5E5DD31D900"),
        ("4000000000000000", "DD7F121CA5015619"),
        ("2000000000000000", "2E8653104F3834EA"),
    ])
    func tdeaMatchesSP80020VariablePlaintext(plain: String, expected: String) throws {
        let tdea = try TripleDES(key: key("0101010101010101 0101010101010101 0101010101010101"))
        #expect(try tdea.encryptECB(hex(plain)) == hex(expected))
    }

    /// NIST SP 800-67 rev. 1, the three-key TDEA example.
    @Test func threeKeyTDEAMatchesSP80067() throws {
        let tdea = try TripleDES(key: key("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123"))
        let plain = ascii("The qufck brown fox jump")
        let cipher = try tdea.encryptECB(plain)
        #expect(cipher == hex("A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900"))
        #expect(try tdea.decryptECB(cipher) == plain)
    }

    @Test func doubleLengthKeyIsK1K2K1() throws {
        let k1 = "0123456789ABCDEF"
        let k2 = "FEDCBA9876543210"
        let twoKey = try TripleDES(key: key(k1 + k2))
        let threeKey = try TripleDES(key: key(k1 + k2 + k1))
        let otherThird = try TripleDES(key: key(k1 + k2 + k2))
        #expect(try twoKey.encryptECB(Self.fips81Plain) == threeKey.encryptECB(Self.fips81Plain))
        #expect(try twoKey.encryptECB(Self.fips81Plain) != otherThird.encryptECB(Self.fips81Plain))
    }

    /// The low bit of each DES key byte is parity (FIPS 46-3) and does not take part: a "wrong
    /// key" that differs only there is the same key.
    @Test func desIgnoresParityBits() throws {
        let original = try TripleDES(key: key("0123456789ABCDEF FEDCBA9876543210"))
        let parityFlipped = try TripleDES(key: key("0123456789ABCDEF FEDCBA9876543211"))
        let otherBit = try TripleDES(key: key("0123456789ABCDEF FEDCBA9876543212"))
        #expect(try original.encryptECB(Self.fips81Plain) == parityFlipped.encryptECB(Self.fips81Plain))
        #expect(try original.encryptECB(Self.fips81Plain) != otherBit.encryptECB(Self.fips81Plain))
    }

    @Test(arguments: [0, 7, 9, 15, 32])
    func tripleDESRejectsOtherKeyLengths(length: Int) {
        #expect(throws: CardCryptoError.invalidKeyLength(cipher: "", byteCount: 0, allowed: [])) {
            try TripleDES(key: SecretKey(bytes: [UInt8](repeating: 1, count: length)))
        }
    }

    // MARK: SM4

    /// GB/T 32907-2016 appendix A, example 1: key = plaintext = 0123456789ABCDEFFEDCBA9876543210.
    static let sm4Vector = "0123456789ABCDEFFEDCBA9876543210"

    @Test func sm4MatchesGBT32907Example1() throws {
        let sm4 = try SM4(key: key(Self.sm4Vector))
        let cipher = try sm4.encryptECB(hex(Self.sm4Vector))
        #expect(cipher == hex("681EDF34D206965E86B3E94F536E4246"))
        #expect(try sm4.decryptECB(cipher) == hex(Self.sm4Vector))
    }

    /// GB/T 32907-2016 appendix A, example 2: the same plaintext encrypted 1,000,000 times.
    @Test func sm4MatchesGBT32907Example2() throws {
        let sm4 = try SM4(key: key(Self.sm4Vector))
        var block = hex(Self.sm4Vector)
        for _ in 0..<1_000_000 {
            block = try sm4.encryptECB(block)
        }
        #expect(block == hex("595298C7C6FD271F0402F804C33D3F66"))
    }

    @Test func sm4RejectsOtherKeyLengths() {
        #expect(throws: CardCryptoError.invalidKeyLength(cipher: "", byteCount: 0, allowed: [])) {
            try SM4(key: key("0123456789ABCDEF"))
        }
    }

    // MARK: Modes and lengths

    @Test func defaultCBCMatchesOpenSSLCBC() throws {
        let ciphers: [any BlockCipher] = [
            try TripleDES(key: key("0123456789ABCDEF FEDCBA9876543210")),
            try SM4(key: key(Self.sm4Vector)),
        ]
        for cipher in ciphers {
            let data = (0..<(cipher.blockSize * 3)).map { UInt8($0 * 7 & 0xFF) }
            let iv = (0..<cipher.blockSize).map { UInt8(0xA0 + $0) }
            let native = try cipher.encryptCBC(data, initialVector: iv)
            #expect(try ECBOnly(base: cipher).encryptCBC(data, initialVector: iv) == native)
            // CBC really chains: the second block differs from its ECB encryption.
            let secondBlock = Array(data[cipher.blockSize..<cipher.blockSize * 2])
            #expect(Array(native[cipher.blockSize..<cipher.blockSize * 2]) != (try cipher.encryptECB(secondBlock)))
        }
    }

    @Test func partialBlocksAndBadInitialVectorsAreRefused() throws {
        let sm4 = try SM4(key: key(Self.sm4Vector))
        #expect(throws: CardCryptoError.invalidDataLength(byteCount: 0, blockSize: 0)) {
            try sm4.encryptECB([UInt8](repeating: 0, count: 15))
        }
        #expect(throws: CardCryptoError.invalidDataLength(byteCount: 0, blockSize: 0)) {
            try ECBOnly(base: sm4).encryptCBC(
                [UInt8](repeating: 0, count: 17), initialVector: [UInt8](repeating: 0, count: 16))
        }
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try sm4.encryptCBC([UInt8](repeating: 0, count: 16), initialVector: [UInt8](repeating: 0, count: 8))
        }
        #expect(try sm4.encryptECB([]) == [])
    }
}
