import CardCrypto
import Testing

/// Known answers computed outside this code, with the `openssl` command line (OpenSSL 3.0.19 of
/// Debian 12's `openssl` and `libssl3` packages), so the card's rules are checked against an
/// implementation that shares nothing with ours but libcrypto's block ciphers.
///
/// Every vector's comment is the shell command that made it; its output is pasted as the expected
/// value. Single DES lives in OpenSSL 3's legacy provider, which Debian 12's `libssl3` ships
/// (`ossl-modules/legacy.so`), so those commands add `-provider legacy -provider default`; each
/// also gives the same bytes as three-key 3DES with K1 = K2 = K3 (`-des-ede3`, key `K1K1K1`),
/// which needs no legacy provider. The two XOR folds of SM4 (MAC quarters, authentication
/// halves) are not cipher operations and are done by the Python one-liners shown.
///
/// The keys are this file's own test values, not the rig's key file:
/// - K = `11223344556677889900AABBCCDDEEFF`, used as a double-length 3DES key (K1 = `1122334455667788`,
///   K2 = `9900AABBCCDDEEFF`, distinct halves so a swapped or repeated half shows) and as an SM4 key;
/// - the card's challenge C = `A1B2C3D4E5F60718`.
@Suite struct OpenSSLVectorTests {
    let des = CardCryptography(algorithm: .des)
    let sm4 = CardCryptography(algorithm: .sm4)
    let masterKey = "11223344556677889900AABBCCDDEEFF"
    let challenge = hex("A1B2C3D4E5F60718")
    /// The region factor "330100sx" and the card factor from card identifier
    /// 330100 D156000005 0000ABCD 12345678 (its rightmost 8 bytes).
    let regionFactor = try! DiversificationFactor.region("330100")
    let cardFactor = try! DiversificationFactor.cardIdentifier(hex("330100 D156000005 0000ABCD 12345678"))

    // MARK: Key diversification

    /// f = ASCII "330100sx" = 3333303130307378, NOT f = CCCCCFCECFCF8C87:
    ///
    ///     printf '3333303130307378' | xxd -r -p | openssl enc -des-ede -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     31be4942c7187d69
    ///     printf 'CCCCCFCECFCF8C87' | xxd -r -p | openssl enc -des-ede -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     5c33b9afd5176909
    ///
    /// (`-des-ede` is two-key 3DES in ECB mode: E(K1) D(K2) E(K1).)
    @Test func tripleDESDiversificationIsFactorAndComplementUnderTheMasterKey() throws {
        #expect(regionFactor.bytes == hex("3333303130307378"))
        let derived = try des.diversify(key(masterKey), factor: regionFactor)
        #expect(bytes(of: derived) == hex("31BE4942C7187D69 5C33B9AFD5176909"))
    }

    /// The region key from above diversified again with the card factor f = 0000ABCD12345678
    /// (NOT f = FFFF5432EDCBA987):
    ///
    ///     printf '0000ABCD12345678' | xxd -r -p | openssl enc -des-ede -K 31be4942c7187d695c33b9afd5176909 -nopad | xxd -p
    ///     577de97abcd19143
    ///     printf 'FFFF5432EDCBA987' | xxd -r -p | openssl enc -des-ede -K 31be4942c7187d695c33b9afd5176909 -nopad | xxd -p
    ///     10335a463f64a2bb
    @Test func tripleDESTwoLevelDiversificationIsRegionThenCard() throws {
        #expect(cardFactor.bytes == hex("0000ABCD12345678"))
        let derived = try des.diversify(key(masterKey), factors: [regionFactor, cardFactor])
        #expect(bytes(of: derived) == hex("577DE97ABCD19143 10335A463F64A2BB"))
    }

    /// f || NOT f as one SM4 block:
    ///
    ///     printf '3333303130307378CCCCCFCECFCF8C87' | xxd -r -p | openssl enc -sm4-ecb -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     69231a0de546d360ff9478daea93d8b6
    ///     printf '0000ABCD12345678FFFF5432EDCBA987' | xxd -r -p | openssl enc -sm4-ecb -K 69231a0de546d360ff9478daea93d8b6 -nopad | xxd -p
    ///     fdcfe5ea682aa7407c8927cf1e7dfdac
    @Test func sm4DiversificationEncryptsFactorAndComplementAsOneBlock() throws {
        let region = try sm4.diversify(key(masterKey), factor: regionFactor)
        #expect(bytes(of: region) == hex("69231A0DE546D360FF9478DAEA93D8B6"))
        let card = try sm4.diversify(key(masterKey), factors: [regionFactor, cardFactor])
        #expect(bytes(of: card) == hex("FDCFE5EA682AA7407C8927CF1E7DFDAC"))
    }

    // MARK: Secure-messaging MAC

    /// UPDATE RECORD of item 03 ("3.00") in EF05 (SFI 5): 04 DC 03 28, Lc 0A, record 03 04 332E3030.
    static let versionRecordMACInput = hex("04DC03280A 0304332E3030")
    /// UPDATE RECORD of item 09 (a 30-byte name, GBK 张三 = D5C5C8FD and zeros) in EF06 (SFI 6).
    static let nameRecordMACInput = hex("04DC093024 091E D5C5C8FD") + [UInt8](repeating: 0, count: 26)

    @Test func macInputsAreTheSecuredCommandsHeaders() throws {
        let version = try CardCryptography.commandMACInput(
            cla: 0x00, ins: 0xDC, p1: 0x03, p2: 5 << 3, data: hex("0304332E3030"))
        #expect(version == Self.versionRecordMACInput)
        let name = try CardCryptography.commandMACInput(
            cla: 0x00, ins: 0xDC, p1: 0x09, p2: 6 << 3,
            data: hex("091E D5C5C8FD") + [UInt8](repeating: 0, count: 26))
        #expect(name == Self.nameRecordMACInput)
    }

    /// The padded input is one SM4 block; the IV is C zero-padded to 16 bytes:
    ///
    ///     printf '04DC03280A0304332E30308000000000' | xxd -r -p | openssl enc -sm4-cbc -K 11223344556677889900AABBCCDDEEFF -iv A1B2C3D4E5F607180000000000000000 -nopad | xxd -p
    ///     f8dbef9922f60d43b170018303e71616
    ///
    /// The MAC is the XOR of the last block's four quarters, folded by hand with Python:
    ///
    ///     python3 -c "b=bytes.fromhex('f8dbef9922f60d43b170018303e71616')[-16:]; print(bytes(b[i]^b[i+4]^b[i+8]^b[i+12] for i in range(4)).hex())"
    ///     68baf54f
    @Test func sm4MACOfOneBlock() throws {
        let mac = try sm4.mac(key(masterKey), data: Self.versionRecordMACInput, initialVector: challenge)
        #expect(mac == hex("68BAF54F"))
    }

    /// 37 bytes, padded with 80 and ten 00 to three SM4 blocks:
    ///
    ///     printf '04DC093024091ED5C5C8FD00000000000000000000000000000000000000000000000000008000000000000000000000' | xxd -r -p | openssl enc -sm4-cbc -K 11223344556677889900AABBCCDDEEFF -iv A1B2C3D4E5F607180000000000000000 -nopad | xxd -p -c 16
    ///     c3115c2331a8f2063eec86b4e8eeee82
    ///     084ace7b98f4fcd66235bade6058f967
    ///     6f8c6e231edb5f4e7184f94d4a4410bf
    ///     python3 -c "b=bytes.fromhex('6f8c6e231edb5f4e7184f94d4a4410bf')[-16:]; print(bytes(b[i]^b[i+4]^b[i+8]^b[i+12] for i in range(4)).hex())"
    ///     4a97d89f
    @Test func sm4MACChainsOverSeveralBlocks() throws {
        let mac = try sm4.mac(key(masterKey), data: Self.nameRecordMACInput, initialVector: challenge)
        #expect(mac == hex("4A97D89F"))
        #expect(
            try sm4.isValidMAC(
                hex("4A97D89F"), key: key(masterKey), data: Self.nameRecordMACInput, initialVector: challenge))
    }

    /// ISO/IEC 9797-1 MAC algorithm 3 as the standard defines it: single-DES CBC under K1 over
    /// every block (IV = C), then output transformation 3, e(K1, d(K2, H)). That equals the code's
    /// form, 3DES(K) of the last block's chain input, since 3DES is e(K1) d(K2) e(K1).
    ///
    ///     printf '04DC03280A0304332E30308000000000' | xxd -r -p | openssl enc -des-cbc -provider legacy -provider default -K 1122334455667788 -iv A1B2C3D4E5F60718 -nopad | tail -c 8 | openssl enc -d -des-ecb -provider legacy -provider default -K 9900AABBCCDDEEFF -nopad | openssl enc -des-ecb -provider legacy -provider default -K 1122334455667788 -nopad | xxd -p
    ///     39a0a7158ea11284
    ///
    /// Without the legacy provider, the same with single DES as K1 = K2 = K3:
    ///
    ///     printf '04DC03280A0304332E30308000000000' | xxd -r -p | openssl enc -des-ede3-cbc -K 112233445566778811223344556677881122334455667788 -iv A1B2C3D4E5F60718 -nopad | tail -c 8 | openssl enc -d -des-ede3 -K 9900AABBCCDDEEFF9900AABBCCDDEEFF9900AABBCCDDEEFF -nopad | openssl enc -des-ede3 -K 112233445566778811223344556677881122334455667788 -nopad | xxd -p
    ///     39a0a7158ea11284
    @Test func tripleDESRetailMACOfTwoBlocks() throws {
        let padded = hex("04DC03280A030433 2E30308000000000")
        #expect(ISO9797Padding.pad(Self.versionRecordMACInput, blockSize: 8) == padded)
        #expect(
            try TripleDES(key: key(masterKey)).macChain(padded, initialVector: challenge) == hex("39A0A7158EA11284"))
        #expect(
            try des.mac(key(masterKey), data: Self.versionRecordMACInput, initialVector: challenge) == hex("39A0A715"))
    }

    /// The name record: 37 bytes, 80 and two 00 make five DES blocks; commands as above.
    ///
    ///     printf '04DC093024091ED5C5C8FD0000000000000000000000000000000000000000000000000000800000' | xxd -r -p | openssl enc -des-cbc -provider legacy -provider default -K 1122334455667788 -iv A1B2C3D4E5F60718 -nopad | tail -c 8 | openssl enc -d -des-ecb -provider legacy -provider default -K 9900AABBCCDDEEFF -nopad | openssl enc -des-ecb -provider legacy -provider default -K 1122334455667788 -nopad | xxd -p
    ///     b9943d9e15258044
    ///     printf '04DC093024091ED5C5C8FD0000000000000000000000000000000000000000000000000000800000' | xxd -r -p | openssl enc -des-ede3-cbc -K 112233445566778811223344556677881122334455667788 -iv A1B2C3D4E5F60718 -nopad | tail -c 8 | openssl enc -d -des-ede3 -K 9900AABBCCDDEEFF9900AABBCCDDEEFF9900AABBCCDDEEFF -nopad | openssl enc -des-ede3 -K 112233445566778811223344556677881122334455667788 -nopad | xxd -p
    ///     b9943d9e15258044
    @Test func tripleDESRetailMACOfFiveBlocks() throws {
        let mac = try des.mac(key(masterKey), data: Self.nameRecordMACInput, initialVector: challenge)
        #expect(mac == hex("B9943D9E"))
    }

    /// Under a single-length session key the MAC is a plain single-DES CBC-MAC (zero IV here):
    ///
    ///     printf '04DC03280A0304332E30308000000000' | xxd -r -p | openssl enc -des-cbc -provider legacy -provider default -K b6ccb86c98a5d632 -iv 0000000000000000 -nopad | xxd -p -c 8 | tail -1
    ///     921e3be2f2d51404
    ///     printf '04DC03280A0304332E30308000000000' | xxd -r -p | openssl enc -des-ede3-cbc -K b6ccb86c98a5d632b6ccb86c98a5d632b6ccb86c98a5d632 -iv 0000000000000000 -nopad | xxd -p -c 8 | tail -1
    ///     921e3be2f2d51404
    @Test func singleDESMACUnderTheSessionKey() throws {
        let mac = try des.mac(key("B6CCB86C98A5D632"), data: Self.versionRecordMACInput)
        #expect(mac == hex("921E3BE2"))
    }

    // MARK: Session keys and authentication data

    /// Ks = 3DES(K, C), and a 4-byte challenge zero-padded to a block:
    ///
    ///     printf 'A1B2C3D4E5F60718' | xxd -r -p | openssl enc -des-ede -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     b6ccb86c98a5d632
    ///     printf 'A1B2C3D400000000' | xxd -r -p | openssl enc -des-ede -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     38206fb3863c7e66
    ///
    /// The authentication data is single DES of C under the 8-byte Ks:
    ///
    ///     printf 'A1B2C3D4E5F60718' | xxd -r -p | openssl enc -des-ecb -provider legacy -provider default -K b6ccb86c98a5d632 -nopad | xxd -p
    ///     8b520128dfe5ba16
    ///     printf 'A1B2C3D4E5F60718' | xxd -r -p | openssl enc -des-ede3 -K b6ccb86c98a5d632b6ccb86c98a5d632b6ccb86c98a5d632 -nopad | xxd -p
    ///     8b520128dfe5ba16
    @Test func tripleDESSessionKeyAndAuthenticationData() throws {
        let sessionKey = try des.sessionKey(key(masterKey), random: challenge)
        #expect(bytes(of: sessionKey) == hex("B6CCB86C98A5D632"))
        #expect(bytes(of: try des.sessionKey(key(masterKey), random: hex("A1B2C3D4"))) == hex("38206FB3863C7E66"))
        #expect(try des.authenticationData(sessionKey, original: challenge) == hex("8B520128DFE5BA16"))
    }

    /// Ks = SM4(K, C || 00..), then SM4(Ks, C || 00..) with its halves XORed:
    ///
    ///     printf 'A1B2C3D4E5F607180000000000000000' | xxd -r -p | openssl enc -sm4-ecb -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     8e89fef00554488b982b56037110762b
    ///     printf 'A1B2C3D4E5F607180000000000000000' | xxd -r -p | openssl enc -sm4-ecb -K 8e89fef00554488b982b56037110762b -nopad | xxd -p
    ///     e93762e6ed03f9bd19cf6efaf85e5e6f
    ///     python3 -c "b=bytes.fromhex('e93762e6ed03f9bd19cf6efaf85e5e6f'); print(bytes(x^y for x,y in zip(b[:8],b[8:])).hex())"
    ///     f0f80c1c155da7d2
    @Test func sm4SessionKeyAndAuthenticationData() throws {
        let sessionKey = try sm4.sessionKey(key(masterKey), random: challenge)
        #expect(bytes(of: sessionKey) == hex("8E89FEF00554488B982B56037110762B"))
        #expect(try sm4.authenticationData(sessionKey, original: challenge) == hex("F0F80C1C155DA7D2"))
    }

    // MARK: Encrypted data

    /// PIN 123456 as BCD 123456: LD || PIN || 80 00.. in ECB.
    ///
    ///     printf '0312345680000000' | xxd -r -p | openssl enc -des-ede -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     7019a65f5e87618f
    ///     printf '03123456800000000000000000000000' | xxd -r -p | openssl enc -sm4-ecb -K 11223344556677889900AABBCCDDEEFF -nopad | xxd -p
    ///     3521ae638fa5cb499db08be4326c4b40
    @Test func encryptedSixDigitPIN() throws {
        let pin = hex("123456")
        let desCryptogram = try des.encryptData(pin, key: key(masterKey))
        #expect(desCryptogram == hex("7019A65F5E87618F"))
        #expect(try des.decryptData(desCryptogram, key: key(masterKey)) == pin)
        let sm4Cryptogram = try sm4.encryptData(pin, key: key(masterKey))
        #expect(sm4Cryptogram == hex("3521AE638FA5CB499DB08BE4326C4B40"))
        #expect(try sm4.decryptData(sm4Cryptogram, key: key(masterKey)) == pin)
    }
}
