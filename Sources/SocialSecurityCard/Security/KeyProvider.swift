import CardCrypto

/// Where the terminal's card keys live: a PSAM in the desk reader's second slot, or (development
/// and tests only) a software key set. Callers ask for operations, never for keys, so a PSAM's
/// keys stay in the PSAM.
public protocol KeyProvider: Sendable {
    /// Encrypts whole blocks (ECB) under this card's key `key`: session keys and encrypted data.
    func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext) async throws(SocialSecurityCardError)
        -> [UInt8]
    /// The 4-byte secure-messaging MAC of `input` under this card's key `key`, chained from `initialVector`.
    func mac(_ input: [UInt8], initialVector: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    /// The authentication cryptogram E(Ks, original) with the session key Ks = E(K, factor), for an
    /// EXTERNAL AUTHENTICATE or to check an INTERNAL AUTHENTICATE's answer. A key holder that makes
    /// it whole (an HSM) implements it; the default makes Ks with ``encrypt(_:with:for:)``.
    func authenticationData(original: [UInt8], sessionFactor: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
}

extension KeyProvider {
    public func authenticationData(
        original: [UInt8],
        sessionFactor: [UInt8],
        with key: KeyName,
        for card: CardKeyContext
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        let blockSize = card.algorithm.blockSize
        guard sessionFactor.count <= blockSize, original.count <= blockSize else {
            throw .malformedRecord("the card's challenge is \(max(sessionFactor.count, original.count)) bytes")
        }
        let block = sessionFactor + Array(repeating: 0, count: blockSize - sessionFactor.count)
        var sessionKey = try await encrypt(block, with: key, for: card)
        do throws(CardCryptoError) {
            return try CardCryptography(algorithm: card.algorithm).authenticationData(
                SecretKey(wiping: &sessionKey), original: original)
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }
}
