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
}
