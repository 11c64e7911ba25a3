import SocialSecurityCard

/// The key holder of a recorded trace: answers an authentication cryptogram only where the trace
/// recorded the HSM's or PSAM's answer for that key, factor and original. It holds no key, so
/// anything else (a MAC, a session key) is refused.
public struct ReplayKeyProvider: KeyProvider {
    private let answers: [APDUTrace.KeyAnswer]

    public init(trace: APDUTrace) {
        answers = trace.keyAnswers
    }

    public func authenticationData(
        original: [UInt8],
        sessionFactor: [UInt8],
        with key: KeyName,
        for card: CardKeyContext
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        guard
            let recorded = answers.first(where: {
                $0.key == key.rawValue && $0.factor == sessionFactor && $0.original == original
            })
        else {
            throw .keyProviderFailed("the trace recorded no answer of the key holder for \(key) on this challenge")
        }
        return recorded.answer
    }

    public func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        throw .keyProviderFailed("a recorded key holder cannot encrypt under \(key)")
    }

    public func mac(_ input: [UInt8], initialVector: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        throw .keyProviderFailed("a recorded key holder cannot make a MAC under \(key)")
    }
}
