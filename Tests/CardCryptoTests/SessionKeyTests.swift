import CardCrypto
import Testing

@Suite struct SessionKeyTests {
    let des = CardCryptography(algorithm: .des)
    let sm4 = CardCryptography(algorithm: .sm4)

    /// A full-block random under the FIPS 81 key: the session key is that standard's first block.
    @Test func desSessionKeyIsTheEncryptedRandom() throws {
        let sessionKey = try des.sessionKey(key("0123456789ABCDEF"), random: ascii("Now is t"))
        #expect(bytes(of: sessionKey) == hex("3FA40E8A984D4815"))
    }

    /// PBOC convention: a double-length key gives a single-length (8-byte) session key.
    @Test func doubleLengthKeyGivesSingleLengthSessionKey() throws {
        let master = key("0123456789ABCDEF FEDCBA9876543210")
        let random = hex("A1B2C3D4E5F60718")
        let sessionKey = try des.sessionKey(master, random: random)
        #expect(sessionKey.byteCount == 8)
        #expect(try bytes(of: sessionKey) == TripleDES(key: master).encryptECB(random))
    }

    @Test func sm4SessionKeyMatchesGBT32907AndZeroPadsShortRandoms() throws {
        let vector = "0123456789ABCDEFFEDCBA9876543210"
        let full = try sm4.sessionKey(key(vector), random: hex(vector))
        #expect(bytes(of: full) == hex("681EDF34D206965E86B3E94F536E4246"))

        let random = hex("0123456789ABCDEF")
        let short = try sm4.sessionKey(key(vector), random: random)
        #expect(short.byteCount == 16)
        #expect(try bytes(of: short) == SM4(key: key(vector)).encryptECB(random + [UInt8](repeating: 0, count: 8)))
    }

    @Test func randomsOfTheWrongLengthAreRefused() {
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try des.sessionKey(key("0123456789ABCDEF FEDCBA9876543210"), random: [])
        }
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try des.sessionKey(key("0123456789ABCDEF FEDCBA9876543210"), random: [UInt8](repeating: 0, count: 9))
        }
    }

    @Test func desAuthenticationDataIsTheEncryptedOriginal() throws {
        let data = try des.authenticationData(key("0123456789ABCDEF"), original: ascii("Now is t"))
        #expect(data == hex("3FA40E8A984D4815"))
    }

    /// SM4 folds its 16-byte result to 8 bytes by XORing the halves.
    @Test func sm4AuthenticationDataXorsTheHalves() throws {
        let vector = "0123456789ABCDEFFEDCBA9876543210"
        let data = try sm4.authenticationData(key(vector), original: hex(vector))
        #expect(data == zip(hex("681EDF34D206965E"), hex("86B3E94F536E4246")).map { $0 ^ $1 })
    }

    @Test func authenticationDependsOnTheSessionKey() throws {
        let master = key("00112233445566778899AABBCCDDEEFF")
        let original = hex("0102030405060708")
        for crypto in [des, sm4] {
            let first = try crypto.sessionKey(master, random: hex("1111111111111111"))
            let second = try crypto.sessionKey(master, random: hex("2222222222222222"))
            #expect(try crypto.authenticationData(first, original: original).count == 8)
            #expect(
                try crypto.authenticationData(first, original: original)
                    != crypto.authenticationData(second, original: original))
        }
    }
}
