import CardCrypto
import Testing

@Suite struct CipherFactoryTests {
    @Test func algorithmsComeFromTheFCIByte() {
        #expect(CardAlgorithm(rawValue: 0x01) == .des)
        #expect(CardAlgorithm(rawValue: 0x02) == .ssf33)
        #expect(CardAlgorithm(rawValue: 0x03) == .sm4)
        #expect("\(CardAlgorithm.sm4)" == "SM4")
        #expect("\(CardAlgorithm(rawValue: 0x0A))" == "algorithm 0A")
    }

    @Test func ssf33WithoutAProviderSaysSo() throws {
        let crypto = CardCryptography(algorithm: .ssf33)
        let error = #expect(throws: CardCryptoError.algorithmUnavailable(.ssf33)) {
            try crypto.mac(key("0123456789ABCDEFFEDCBA9876543210"), data: [1, 2, 3])
        }
        #expect(error?.message.contains("SSF33") == true)
        #expect(error?.message.contains("PSAM") == true)
    }

    @Test func anEmptyFactoryOffersNothing() {
        #expect(throws: CardCryptoError.algorithmUnavailable(.des)) {
            try CipherFactory().cipher(for: .des, key: key("0123456789ABCDEF"))
        }
    }

    /// A registered plug-in (here SM4 behind an ECB-only wrapper, standing in for SSF33) serves
    /// every operation through the protocol's default CBC and MAC chain.
    @Test func registeredCipherServesItsAlgorithm() throws {
        var factory = CipherFactory.standard
        factory.register(.ssf33) { key throws(CardCryptoError) in ECBOnly(base: try SM4(key: key)) }
        let plugged = CardCryptography(algorithm: .ssf33, ciphers: factory)
        let reference = CardCryptography(algorithm: .sm4)
        let master = key("0123456789ABCDEFFEDCBA9876543210")
        let data = ascii("secure messaging over a plug-in cipher")
        let challenge = hex("0102030405060708")
        #expect(
            try plugged.mac(master, data: data, initialVector: challenge)
                == reference.mac(master, data: data, initialVector: challenge))
        #expect(try plugged.decryptData(reference.encryptData(data, key: master), key: master) == data)
    }

    @Test func cipherWithAnOddBlockSizeIsRefused() {
        struct FourByteBlocks: BlockCipher {
            var blockSize: Int { 4 }
            func encryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] { data }
            func decryptECB(_ data: [UInt8]) throws(CardCryptoError) -> [UInt8] { data }
        }
        var factory = CipherFactory()
        factory.register(.ssf33) { _ throws(CardCryptoError) in FourByteBlocks() }
        #expect(throws: CardCryptoError.unsupportedBlockSize(4, algorithm: .ssf33)) {
            try factory.cipher(for: .ssf33, key: key("00"))
        }
    }
}
