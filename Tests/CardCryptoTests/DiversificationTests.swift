import CardCrypto
import Testing

@Suite struct DiversificationTests {
    let des = CardCryptography(algorithm: .des)
    let sm4 = CardCryptography(algorithm: .sm4)
    let factor = try! DiversificationFactor(bytes: hex("1234567890ABCDEF"))

    @Test func doubleLengthHalvesAreFactorAndComplementUnderTheMasterKey() throws {
        let master = key("0123456789ABCDEF FEDCBA9876543210")
        let derived = bytes(of: try des.diversify(master, factor: factor))
        let tdes = try TripleDES(key: master)
        #expect(derived.count == 16)
        #expect(Array(derived.prefix(8)) == (try tdes.encryptECB(hex("1234567890ABCDEF"))))
        #expect(Array(derived.suffix(8)) == (try tdes.encryptECB(hex("EDCBA9876F543210"))))
    }

    @Test func sm4EncryptsFactorAndComplementAsOneBlock() throws {
        let master = key("0123456789ABCDEFFEDCBA9876543210")
        let derived = bytes(of: try sm4.diversify(master, factor: factor))
        #expect(derived == (try SM4(key: master).encryptECB(hex("1234567890ABCDEF EDCBA9876F543210"))))
    }

    @Test func derivedKeysDifferPerFactorAndPerMaster() throws {
        let master = key("0123456789ABCDEF FEDCBA9876543210")
        let other = try DiversificationFactor(bytes: hex("1234567890ABCDEE"))
        for crypto in [des, sm4] {
            let a = bytes(of: try crypto.diversify(master, factor: factor))
            #expect(a != bytes(of: try crypto.diversify(master, factor: other)))
            #expect(a != bytes(of: try crypto.diversify(key("0123456789ABCDEF FEDCBA9876543212"), factor: factor)))
            #expect(a != bytes(of: master))
        }
    }

    @Test func multiLevelDiversificationAppliesFactorsInOrder() throws {
        let root = key("00112233445566778899AABBCCDDEEFF")
        let region = try DiversificationFactor.region("330100")
        let card = try DiversificationFactor.cardIdentifier(hex("330100 D156000005 0000ABCD 12345678"))
        for crypto in [des, sm4] {
            let stepwise = try crypto.diversify(crypto.diversify(root, factor: region), factor: card)
            let both = try crypto.diversify(root, factors: [region, card])
            let reversed = try crypto.diversify(root, factors: [card, region])
            #expect(bytes(of: both) == bytes(of: stepwise))
            #expect(bytes(of: both) != bytes(of: reversed))
            #expect(bytes(of: try crypto.diversify(root, factors: [])) == bytes(of: root))
        }
    }

    @Test func regionFactorIsTheASCIICodeAndSuffix() throws {
        #expect(try DiversificationFactor.region("330100").bytes == ascii("330100sx"))
        #expect(try DiversificationFactor.region("330100", suffix: "zj").bytes == ascii("330100zj"))
        for bad in ["33010", "3301000", "33O100", "３３０１００"] {
            #expect(throws: CardCryptoError.invalidFactor("")) { try DiversificationFactor.region(bad) }
        }
        #expect(throws: CardCryptoError.invalidFactor("")) { try DiversificationFactor.region("330100", suffix: "s") }
        #expect(throws: CardCryptoError.invalidFactor("")) {
            try DiversificationFactor.region("330100", suffix: "社保")
        }
    }

    @Test func cardFactorIsTheRightmostEightBytesOfTheCardIdentifier() throws {
        let identifier = hex("330100 D156000005 0000ABCD 12345678")
        #expect(try DiversificationFactor.cardIdentifier(identifier).bytes == hex("0000ABCD12345678"))
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try DiversificationFactor.cardIdentifier(Array(identifier.prefix(15)))
        }
        #expect(throws: CardCryptoError.invalidInputLength("", byteCount: 0, expected: "")) {
            try DiversificationFactor(bytes: hex("01020304"))
        }
    }
}
