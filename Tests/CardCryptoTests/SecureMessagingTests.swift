import CardCrypto
import Testing

@Suite struct SecureMessagingTests {
    let des = CardCryptography(algorithm: .des)
    let sm4 = CardCryptography(algorithm: .sm4)

    // MARK: Padding

    @Test func paddingAlwaysAddsAMarker() {
        #expect(ISO9797Padding.pad([], blockSize: 8) == hex("8000000000000000"))
        #expect(ISO9797Padding.pad(hex("01020304050607"), blockSize: 8) == hex("0102030405060780"))
        #expect(ISO9797Padding.pad(hex("0102030405060708"), blockSize: 8) == hex("0102030405060708 8000000000000000"))
        #expect(ISO9797Padding.pad(hex("01"), blockSize: 16) == hex("01800000000000000000000000000000"))
    }

    @Test(arguments: [[], hex("01"), hex("0102030405060708"), hex("0102030405060708090A0B0C0D0E0F")])
    func unpadInvertsPad(data: [UInt8]) throws {
        for blockSize in [8, 16] {
            #expect(
                try ISO9797Padding.unpad(ISO9797Padding.pad(data, blockSize: blockSize), blockSize: blockSize) == data)
        }
    }

    @Test(arguments: [
        "",  // nothing at all
        "01020304050607",  // not whole blocks
        "0102030405060700",  // no marker
        "0102030405068001",  // data after the marker
        "0102030405060708",  // last non-zero byte is not 80
        "8000000000000000 0000000000000000",  // a whole block of zeros after the marker
    ])
    func unpadRefusesWhatPadNeverMakes(padded: String) {
        #expect(throws: CardCryptoError.invalidPadding) { try ISO9797Padding.unpad(hex(padded), blockSize: 8) }
    }

    // MARK: MAC

    /// ISO/IEC 9797-1 annex B, MAC algorithm 3 with padding method 2: K = 0123456789ABCDEF,
    /// K' = FEDCBA9876543210, "Now is the time for all " gives E9086230CA3BE796.
    @Test func doubleLengthDESMACIsISO9797Algorithm3() throws {
        let key = key("0123456789ABCDEF FEDCBA9876543210")
        let data = ascii("Now is the time for all ")
        #expect(try des.mac(key, data: data) == hex("E9086230"))
        let chain = try TripleDES(key: key).macChain(
            ISO9797Padding.pad(data, blockSize: 8), initialVector: [UInt8](repeating: 0, count: 8))
        #expect(chain == hex("E9086230CA3BE796"))
    }

    /// The same annex with padding method 1 (zeros, none for whole blocks): A1C72E74EA3FA9B6,
    /// and for "Now is the time for it": 2E2B1428CC78254F. Exercises the chain on its own.
    @Test(arguments: [
        ("Now is the time for all ", "A1C72E74EA3FA9B6"),
        ("Now is the time for it", "2E2B1428CC78254F"),
    ])
    func macChainMatchesISO9797Algorithm3WithZeroPadding(text: String, expected: String) throws {
        var data = ascii(text)
        data += repeatElement(0, count: (8 - data.count % 8) % 8)
        let tdes = try TripleDES(key: key("0123456789ABCDEF FEDCBA9876543210"))
        #expect(try tdes.macChain(data, initialVector: [UInt8](repeating: 0, count: 8)) == hex(expected))
    }

    /// With a single-length key the MAC is a plain CBC-MAC: the FIPS 81 CBC example's chain
    /// continues over the padding block.
    @Test func singleLengthDESMACContinuesTheCBCChain() throws {
        let key = key("0123456789ABCDEF")
        let fips81LastBlock = hex("683788499A7C05F6")
        let expected = try TripleDES(key: key).encryptECB(zip(fips81LastBlock, hex("8000000000000000")).map { $0 ^ $1 })
        let mac = try des.mac(key, data: ascii("Now is the time for all "), initialVector: hex("1234567890ABCDEF"))
        #expect(mac == Array(expected.prefix(4)))
    }

    /// SM4 keeps the XOR of the four quarters. Chosen so the one CBC input block is the
    /// GB/T 32907 plaintext: 15 data bytes, the 80 marker, and an IV that turns 80 into 10.
    @Test func sm4MACXorsTheQuartersOfTheLastBlock() throws {
        let vector = hex("0123456789ABCDEFFEDCBA9876543210")
        let iv = [UInt8](repeating: 0, count: 15) + [0x90]
        let mac = try sm4.mac(SecretKey(bytes: vector), data: Array(vector.prefix(15)), initialVector: iv)
        let block = hex("681EDF34D206965E86B3E94F536E4246")
        let quarters = stride(from: 0, to: 16, by: 4).map { Array(block[$0..<$0 + 4]) }
        #expect(mac == quarters.reduce([0, 0, 0, 0]) { zip($0, $1).map { $0 ^ $1 } })
    }

    @Test func shortInitialVectorIsZeroPadded() throws {
        let key = key("0123456789ABCDEFFEDCBA9876543210")
        let data = hex("84240000 04")
        let challenge = hex("11223344")
        #expect(
            try sm4.mac(key, data: data, initialVector: challenge)
                == sm4.mac(key, data: data, initialVector: challenge + [UInt8](repeating: 0, count: 12)))
        #expect(try sm4.mac(key, data: data, initialVector: challenge) != sm4.mac(key, data: data))
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try des.mac(
                SecretKey(bytes: hex("0123456789ABCDEF")), data: data, initialVector: [UInt8](repeating: 0, count: 9))
        }
    }

    @Test func wrongKeyOrChangedDataFailsVerification() throws {
        for (crypto, right, wrong) in [
            (des, key("0123456789ABCDEF FEDCBA9876543210"), key("0123456789ABCDEF FEDCBA9876543212")),
            (sm4, key("0123456789ABCDEFFEDCBA9876543210"), key("0123456789ABCDEFFEDCBA9876543212")),
        ] {
            let data = try CardCryptography.commandMACInput(
                cla: 0x00, ins: 0xDC, p1: 0x01, p2: 0x2C, data: ascii("record"))
            let mac = try crypto.mac(right, data: data)
            #expect(mac.count == 4)
            #expect(try crypto.mac(wrong, data: data) != mac)
            #expect(try crypto.isValidMAC(mac, key: right, data: data))
            #expect(try !crypto.isValidMAC(mac, key: wrong, data: data))
            #expect(try !crypto.isValidMAC(mac, key: right, data: data.dropLast() + [data.last! ^ 1]))
            #expect(try !crypto.isValidMAC(Array(mac.prefix(3)), key: right, data: data))
        }
    }

    @Test func commandMACInputSetsTheSecureMessagingBitAndCountsTheMAC() throws {
        #expect(
            try CardCryptography.commandMACInput(cla: 0x80, ins: 0x24, p1: 0x00, p2: 0x00, data: [])
                == hex("8424000004"))
        #expect(
            try CardCryptography.commandMACInput(cla: 0x00, ins: 0xD6, p1: 0x85, p2: 0x00, data: hex("0102"))
                == hex("04D6850006 0102"))
        #expect(throws: CardCryptoError.dataTooLong("", byteCount: 0, maximum: 0)) {
            try CardCryptography.commandMACInput(
                cla: 0, ins: 0xDC, p1: 0, p2: 0, data: [UInt8](repeating: 0, count: 252))
        }
        #expect(
            try CardCryptography.commandMACInput(
                cla: 0, ins: 0xDC, p1: 0, p2: 0, data: [UInt8](repeating: 0, count: 251)
            ).count == 256)
    }

    // MARK: Encrypted data

    @Test func encryptedDataRoundTripsForEveryLength() throws {
        for (crypto, key) in [
            (des, key("0123456789ABCDEF FEDCBA9876543210")), (sm4, key("0123456789ABCDEFFEDCBA9876543210")),
        ] {
            let blockSize = try crypto.cipher(key: key).blockSize
            for length in 0...40 {
                let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 5) }
                let cryptogram = try crypto.encryptData(data, key: key)
                let padded = (length + 1) % blockSize == 0 ? length + 1 : ((length + 1) / blockSize + 1) * blockSize
                #expect(cryptogram.count == padded)
                #expect(try crypto.decryptData(cryptogram, key: key) == data)
            }
        }
    }

    @Test func encryptedDataIsLengthDataAndPaddingInECB() throws {
        let key = key("0123456789ABCDEFFEDCBA9876543210")
        let pin = hex("123456")
        let cryptogram = try sm4.encryptData(pin, key: key)
        // A PIN reload's 3-byte PIN fills one SM4 block; with its 4-byte MAC Lc is 0x14.
        #expect(cryptogram.count + CardCryptography.macLength == 0x14)
        #expect(try SM4(key: key).decryptECB(cryptogram) == hex("03123456 80000000 00000000 00000000"))
        // LD || data already a whole DES block: no padding block follows.
        let tdes = try TripleDES(key: key)
        let seven = hex("01020304050607")
        #expect(try tdes.decryptECB(des.encryptData(seven, key: key)) == hex("0701020304050607"))
    }

    @Test func decryptionRefusesBadLengthsAndPadding() throws {
        let key = key("0123456789ABCDEF FEDCBA9876543210")
        let tdes = try TripleDES(key: key)
        // LD announces more data than there is.
        #expect(throws: CardCryptoError.invalidEncryptedData("")) {
            try des.decryptData(tdes.encryptECB(hex("0901020380000000")), key: key)
        }
        // LD shorter than the data: what follows is not padding.
        #expect(throws: CardCryptoError.invalidPadding) {
            try des.decryptData(tdes.encryptECB(hex("0201020304050607")), key: key)
        }
        // Padding present although LD || data filled the block.
        #expect(throws: CardCryptoError.invalidEncryptedData("")) {
            try des.decryptData(tdes.encryptECB(hex("0701020304050607 8000000000000000")), key: key)
        }
        // Not whole blocks, nothing at all, and data too long to encrypt.
        #expect(throws: CardCryptoError.invalidDataLength(byteCount: 0, blockSize: 0)) {
            try des.decryptData(hex("01020304"), key: key)
        }
        #expect(throws: CardCryptoError.invalidEncryptedData("")) { try des.decryptData([], key: key) }
        #expect(throws: CardCryptoError.dataTooLong("", byteCount: 0, maximum: 0)) {
            try des.encryptData([UInt8](repeating: 0, count: 256), key: key)
        }
        // The wrong key does not yield the data.
        let cryptogram = try des.encryptData(hex("123456"), key: key)
        let wrong = SecretKey(bytes: hex("0123456789ABCDEF FEDCBA9876543212"))
        #expect((try? des.decryptData(cryptogram, key: wrong)) != hex("123456"))
    }
}
