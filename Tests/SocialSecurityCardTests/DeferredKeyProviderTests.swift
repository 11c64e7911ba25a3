import CardCrypto
import SocialSecurityCard
import Synchronization
import Testing

@Suite("The terminal's card keys are reached when first needed, and again after they failed")
struct DeferredKeyProviderTests {
    /// A key holder that answers with its generation, so a test sees which one was used.
    struct Holder: KeyProvider {
        var generation: UInt8
        var fails = false

        func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext)
            async throws(SocialSecurityCardError) -> [UInt8]
        {
            if fails { throw .keyProviderFailed("the PSAM was pulled") }
            return [generation]
        }

        func mac(_ input: [UInt8], initialVector: [UInt8], with key: KeyName, for card: CardKeyContext)
            async throws(SocialSecurityCardError) -> [UInt8]
        { [generation] }
    }

    struct PCSCDown: Error, CustomStringConvertible {
        var description: String { "pcscd is not running" }
    }

    static let card = CardKeyContext(
        algorithm: .sm4, regionCode: "430102",
        cardFactor: try! DiversificationFactor(bytes: Array(repeating: 1, count: 8)))

    @Test func aHolderNotThereYetIsAPlainErrorAndIsTriedAgainOnTheNextUse() async throws {
        let attempts = Mutex(0)
        let keys = DeferredKeyProvider {
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            if attempt == 1 { throw PCSCDown() }
            // The second holder fails its operation (PSAM pulled); the third is made afresh.
            return Holder(generation: UInt8(attempt), fails: attempt == 2)
        }
        #expect(attempts.withLock { $0 } == 0, "nothing is reached before a card needs it")
        await #expect(
            throws: SocialSecurityCardError.keyProviderFailed("the card keys cannot be reached: pcscd is not running")
        ) {
            try await keys.encrypt([0], with: "master", for: Self.card)
        }
        await #expect(throws: SocialSecurityCardError.keyProviderFailed("the PSAM was pulled")) {
            try await keys.encrypt([0], with: "master", for: Self.card)
        }
        #expect(try await keys.encrypt([0], with: "master", for: Self.card) == [3])
        #expect(try await keys.mac([0], initialVector: [], with: "master", for: Self.card) == [3])
        #expect(attempts.withLock { $0 } == 3, "a holder that works is kept")
    }
}
