import CardCrypto
import Testing

@Suite struct SecretKeyTests {
    static let keyHex = "0123456789ABCDEFFEDCBA9876543210"

    @Test func descriptionsShowOnlyTheLength() {
        let secret = key(Self.keyHex)
        var dumped = ""
        dump(secret, to: &dumped)
        for text in ["\(secret)", String(reflecting: secret), dumped, "\([secret])"] {
            #expect(text.contains("16"))
            for needle in [Self.keyHex, Self.keyHex.lowercased(), "01 23 45", "0x01", "[1, 35, 69"] {
                #expect(!text.contains(needle), "\(text) shows key bytes")
            }
        }
        #expect("\(secret)" == "SecretKey(16 bytes)")
    }

    @Test func wipingInitClearsTheSource() {
        var source = hex(Self.keyHex)
        let secret = SecretKey(wiping: &source)
        #expect(source.isEmpty)
        #expect(bytes(of: secret) == hex(Self.keyHex))
    }

    @Test func errorsNeverCarryKeyBytes() throws {
        let crypto = CardCryptography(algorithm: .des)
        let error = #expect(throws: CardCryptoError.self) {
            try crypto.mac(key("0123456789ABCDEFFEDCBA98765432"), data: [1])
        }
        let message = try #require(error?.message)
        #expect(message.contains("8, 16 or 24 bytes long, not 15"))
        #expect(!message.contains("0123456789"))
    }
}
