/// A key provider made when a card first needs it, and made again after it failed.
///
/// The terminal service starts before its PSAM can answer: pcscd may not be up yet at boot, the
/// PSAM may be out of its slot, pcscd may restart under a running service. Rather than refusing to
/// start (and leaving staff, diagnostics and the queries down with it), the service starts with
/// this, and an operation that needs the keys gets the reason they are missing in plain words.
public actor DeferredKeyProvider: KeyProvider {
    private let make: @Sendable () async throws -> any KeyProvider
    private var made: (any KeyProvider)?

    /// `make` connects to the key holder (`PSAMKeyProvider` over its slot); it is called again on
    /// the next use after it, or an operation of what it made, failed.
    public init(_ make: @escaping @Sendable () async throws -> any KeyProvider) {
        self.make = make
    }

    public func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        try await using { provider throws(SocialSecurityCardError) in
            try await provider.encrypt(blocks, with: key, for: card)
        }
    }

    public func mac(_ input: [UInt8], initialVector: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        try await using { provider throws(SocialSecurityCardError) in
            try await provider.mac(input, initialVector: initialVector, with: key, for: card)
        }
    }

    public func authenticationData(
        original: [UInt8], sessionFactor: [UInt8], with key: KeyName, for card: CardKeyContext
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        try await using { provider throws(SocialSecurityCardError) in
            try await provider.authenticationData(
                original: original, sessionFactor: sessionFactor, with: key, for: card)
        }
    }

    private func using(
        _ operation: (any KeyProvider) async throws(SocialSecurityCardError) -> [UInt8]
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        let provider: any KeyProvider
        if let made {
            provider = made
        } else {
            do {
                provider = try await make()
            } catch let error as SocialSecurityCardError {
                throw error
            } catch {
                throw .keyProviderFailed("the card keys cannot be reached: \(error)")
            }
            made = provider
        }
        do {
            return try await operation(provider)
        } catch {
            made = nil
            throw error
        }
    }
}
