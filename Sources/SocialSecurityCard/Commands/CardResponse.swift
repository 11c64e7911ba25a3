import SmartCard

/// Turns a card's answer into data or into the error a person can act on.
///
/// The social security card reuses ISO status words with meanings of its own (`9302` MAC error,
/// `9303` application locked, `6A81` card blocked on the cards seen in public traces; a region
/// whose cards differ changes it here), so the mapping lives with the application, not in the
/// generic PC/SC layer.
enum CardResponse {
    /// The response's data when it is `9000`; otherwise the error that `operation` failed with.
    /// `operation` is words for a person, made only when the answer is an error.
    static func data(_ response: ResponseAPDU, during operation: @autoclosure () -> String)
        throws(SocialSecurityCardError) -> [UInt8]
    {
        let statusWord = response.statusWord
        if statusWord.isSuccess { return response.data }
        switch (statusWord.meaning, statusWord.value) {
        case (.verificationFailed(let triesLeft), _):
            throw triesLeft == 0 ? .pinBlocked : .wrongPIN(triesLeft: triesLeft)
        case (.authenticationMethodBlocked, _):
            throw .pinBlocked
        case (.securityStatusNotSatisfied, _):
            throw .accessDenied(operation(), statusWord: statusWord)
        case (.secureMessagingDataObjectIncorrect, _), (_, 0x9302):
            throw .macRejected(statusWord: statusWord)
        case (_, 0x9303):
            throw .applicationBlocked
        case (.functionNotSupported, _):
            throw .cardBlocked
        case (.fileNotFound, _):
            throw .fileNotFound(operation())
        case (.recordNotFound, _), (.referencedDataNotFound, _):
            throw .recordNotFound(operation())
        default:
            throw .unexpectedStatus(statusWord, during: operation())
        }
    }
}

extension CardChannel {
    /// Sends `command` and returns its data, mapping reader failures and card refusals.
    func exchange(_ command: CommandAPDU, during operation: @autoclosure () -> String)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        try await exchange(command, secret: false, during: operation)
    }

    /// As ``exchange(_:during:)`` for a command whose data is secret (a PIN, a PIN to encrypt): the
    /// bytes that carried it to the reader are zeroed once sent (``CardChannel/transmit(secret:)``).
    func exchange(secret command: CommandAPDU, during operation: @autoclosure () -> String)
        async throws(SocialSecurityCardError)
        -> [UInt8]
    {
        try await exchange(command, secret: true, during: operation)
    }

    private func exchange(_ command: CommandAPDU, secret: Bool, during operation: () -> String)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        let response: ResponseAPDU
        do {
            response = try await secret ? transmit(secret: command) : transmit(command)
        } catch {
            throw .transport(error)
        }
        return try CardResponse.data(response, during: operation())
    }
}
