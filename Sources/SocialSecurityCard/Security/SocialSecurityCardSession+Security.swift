import CardCrypto
import SmartCard

extension SocialSecurityCardSession {
    /// EXTERNAL AUTHENTICATE with `key`, as the profile's ``AuthenticationScheme`` makes it: the
    /// cryptogram comes from the key provider, so neither the key nor the session key leaves it.
    /// Opens what the key guards (EF06 on 3.0 cards).
    public func authenticate(
        with key: KeyName,
        keys: any KeyProvider,
        identity: CardIdentity
    ) async throws(SocialSecurityCardError) {
        guard let reference = profile.key(key) else { throw .keyUnavailable(key) }
        let context = try identity.keyContext(algorithm: algorithm)
        let data: [UInt8]
        switch profile.authentication {
        case .challenge:
            let challenge = try await channel.exchange(.getChallenge, during: "getting a challenge")
            data = try await keys.authenticationData(
                original: challenge, sessionFactor: challenge, with: key, for: context)
        case .originalAndFactor:
            try await authenticateCardWithItsChallenges(keys: keys, context: context)
            let (original, factor) = try await challengePair()
            data =
                try await keys.authenticationData(original: original, sessionFactor: factor, with: key, for: context)
                + original
        }
        do {
            _ = try await channel.exchange(
                .externalAuthenticate(keyID: reference.keyID, data: data), during: "authentication")
        } catch  where error.statusWord.map({ [0x6300, 0x6988].contains($0.value) }) ?? false {
            throw .authenticationFailed(key, statusWord: error.statusWord)
        }
    }

    /// INTERNAL AUTHENTICATE: a random of ours, answered by the card under its internal
    /// authentication key; a wrong answer means the chip is not one the issuer made.
    public func verifyGenuineness(keys: any KeyProvider, identity: CardIdentity) async throws(SocialSecurityCardError) {
        guard let reference = profile.key(.internalAuthentication) else {
            throw .keyUnavailable(.internalAuthentication)
        }
        let context = try identity.keyContext(algorithm: algorithm)
        var generator = SystemRandomNumberGenerator()
        let random = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let answer = try await channel.exchange(
            .internalAuthenticate(keyID: reference.keyID, random: random),
            during: "the genuineness check"
        )
        let expected = try await keys.authenticationData(
            original: random, sessionFactor: random, with: .internalAuthentication, for: context)
        guard answer == expected else { throw .cardNotGenuine }
    }

    /// The internal authentication that goes before an external one in the original-and-factor
    /// scheme, on a pair of the card's own challenges as that region's terminals send it.
    private func authenticateCardWithItsChallenges(
        keys: any KeyProvider,
        context: CardKeyContext
    ) async throws(SocialSecurityCardError) {
        guard let reference = profile.key(.internalAuthentication) else {
            throw .keyUnavailable(.internalAuthentication)
        }
        let (original, factor) = try await challengePair()
        let answer = try await channel.exchange(
            .internalAuthenticate(keyID: reference.keyID, random: factor + original),
            during: "the card's authentication"
        )
        let expected = try await keys.authenticationData(
            original: original, sessionFactor: factor, with: .internalAuthentication, for: context)
        guard answer == expected else { throw .cardNotGenuine }
    }

    /// Two challenges: the original, then the session key's factor.
    private func challengePair() async throws(SocialSecurityCardError) -> (original: [UInt8], factor: [UInt8]) {
        let original = try await channel.exchange(.getChallenge, during: "getting a challenge")
        let factor = try await channel.exchange(.getChallenge, during: "getting a challenge")
        return (original, factor)
    }

    /// `command` with secure messaging: a fresh challenge as the initial vector, the MAC under
    /// `key` over header, Lc and data, appended to the data.
    func secured(
        _ command: CommandAPDU,
        key: KeyName,
        keys: any KeyProvider,
        context: CardKeyContext
    ) async throws(SocialSecurityCardError) -> CommandAPDU {
        let challenge = try await channel.exchange(.getChallenge, during: "getting a challenge")
        let input: [UInt8]
        do {
            input = try CardCryptography.commandMACInput(
                cla: command.cla, ins: command.ins, p1: command.p1, p2: command.p2, data: command.data)
        } catch {
            throw .malformedCommand(error.message)
        }
        var secured = command
        secured.cla |= 0x04
        secured.data += try await keys.mac(input, initialVector: challenge, with: key, for: context)
        return secured
    }

    /// Sends a secured command; a MAC the card rejects becomes ``SocialSecurityCardError/macRejected(statusWord:)``.
    func sendSecured(
        _ command: CommandAPDU,
        key: KeyName,
        keys: any KeyProvider,
        identity: CardIdentity,
        during operation: String
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        let context = try identity.keyContext(algorithm: algorithm)
        return try await channel.exchange(
            try await secured(command, key: key, keys: keys, context: context), during: operation)
    }
}

extension SocialSecurityCardSession {
    /// APPLICATION BLOCK: the card answers `9303` to the SSSE's commands from now on.
    public func blockApplication(keys: any KeyProvider, identity: CardIdentity) async throws(SocialSecurityCardError) {
        _ = try await sendSecured(
            .applicationBlock, key: .maintenance, keys: keys, identity: identity, during: "blocking the application")
    }

    /// APPLICATION UNBLOCK *(unverified: the PBOC family's `84 18 00 00`, see
    /// ``CommandAPDU/applicationUnblock``)*: lifts ``blockApplication(keys:identity:)``. It takes the
    /// card identifier, not the identity: a blocked application answers `9303` to the read of EF05,
    /// so the identifier (which the maintenance key is diversified with) comes from the desk's
    /// records. A MAC under another card's key is refused by the card (``SocialSecurityCardError/macRejected(statusWord:)``).
    public func unblockApplication(keys: any KeyProvider, cardIdentifier: CardIdentifier)
        async throws(SocialSecurityCardError)
    {
        let context = try CardKeyContext(algorithm: algorithm, cardIdentifier: cardIdentifier)
        _ = try await channel.exchange(
            try await secured(.applicationUnblock, key: .maintenance, keys: keys, context: context),
            during: "unblocking the application")
    }

    /// CARD BLOCK: permanent; nothing on the card works afterwards.
    public func blockCard(keys: any KeyProvider, identity: CardIdentity) async throws(SocialSecurityCardError) {
        _ = try await sendSecured(
            .cardBlock, key: .maintenance, keys: keys, identity: identity, during: "blocking the card")
    }
}
