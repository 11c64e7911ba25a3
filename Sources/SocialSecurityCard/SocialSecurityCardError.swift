import CodedErrors
import SmartCard

/// An error of the social security card application: what happened and what to do.
///
/// Messages are for the clerk or the resident at the terminal; they never carry a PIN, a key or
/// a full ID number. Errors of the reader below are passed through as ``transport(_:)``.
public struct SocialSecurityCardError: CodedError {
    public enum Code: Hashable, Sendable {
        case notSocialSecurityCard
        case invalidProfile
        case unsupportedGeneration
        case unsupportedAlgorithm
        case fileNotFound
        case recordNotFound
        case malformedRecord
        case malformedCommand
        case accessDenied
        case wrongPIN
        case pinBlocked
        case invalidPIN
        case applicationBlocked
        case cardBlocked
        case macRejected
        case authenticationFailed
        case cardNotGenuine
        case keyUnavailable
        case keyProviderFailed
        case cardData
        case personalisationMismatch
        case personalisationIncomplete
        case cardChanged
        case journalFailed
        case unexpectedStatus
        case transport
    }

    public let code: Code
    public let message: String
    /// Tries left on a wrong PIN.
    public let triesLeft: Int?
    /// The status word the card answered, when it was a card's refusal.
    public let statusWord: StatusWord?
    /// The reader's error under ``transport(_:)``.
    public let underlying: SmartCardError?

    private init(
        _ code: Code,
        _ message: String,
        triesLeft: Int? = nil,
        statusWord: StatusWord? = nil,
        underlying: SmartCardError? = nil
    ) {
        self.code = code
        self.message = message
        self.triesLeft = triesLeft
        self.statusWord = statusWord
        self.underlying = underlying
    }

    public var description: String {
        guard let statusWord else { return message }
        return "\(message) [SW \(statusWord)]"
    }

    // MARK: Which card

    public static let notSocialSecurityCard = Self(
        .notSocialSecurityCard,
        "This card is not a social security card (it has no social security application). Insert the social security card."
    )

    /// A card profile file that cannot be used; `problems` are in plain words, one per line.
    public static func invalidProfile(_ file: String, problems: [String]) -> Self {
        Self(
            .invalidProfile,
            "The card profile \(file) cannot be used:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
        )
    }

    public static func unsupportedGeneration(_ version: String) -> Self {
        Self(
            .unsupportedGeneration,
            "The card follows specification version \"\(version)\", which this terminal does not know. Ask a technician to update the card profile."
        )
    }

    public static func unsupportedAlgorithm(_ code: UInt8) -> Self {
        Self(
            .unsupportedAlgorithm,
            "The card uses cipher algorithm \(code), for which this terminal has no implementation. Ask a technician.")
    }

    // MARK: Files and records

    public static func fileNotFound(_ file: String) -> Self {
        Self(
            .fileNotFound,
            "The card has no file \(file). It may be of another region or damaged; ask staff to check the card.")
    }

    public static func recordNotFound(_ item: String) -> Self {
        Self(.recordNotFound, "The card does not hold \(item). Ask staff to check the card's data.")
    }

    public static func malformedRecord(_ reason: String) -> Self {
        Self(.malformedRecord, "The card's data could not be read: \(reason). Ask staff to check the card.")
    }

    public static func malformedCommand(_ reason: String) -> Self {
        Self(.malformedCommand, "A command for the card could not be built: \(reason).")
    }

    public static func accessDenied(_ what: String, statusWord: StatusWord? = nil) -> Self {
        Self(
            .accessDenied, "The card refused access to \(what): the PIN or a key is needed first.",
            statusWord: statusWord)
    }

    // MARK: PIN

    public static func wrongPIN(triesLeft: Int) -> Self {
        let message =
            triesLeft == 1
            ? "The PIN is wrong. One try is left: a further wrong PIN blocks it."
            : "The PIN is wrong. \(triesLeft) tries are left."
        return Self(.wrongPIN, message, triesLeft: triesLeft)
    }

    public static let pinBlocked = Self(
        .pinBlocked,
        "The PIN is blocked after too many wrong tries. Take the card and your ID card to a service desk to unblock it."
    )

    public static func invalidPIN(length: Int) -> Self {
        Self(.invalidPIN, "A PIN is \(length) digits, 0 to 9. Enter it again.")
    }

    // MARK: Blocked card

    public static let applicationBlocked = Self(
        .applicationBlocked,
        "The card's social security application is locked. Take the card to a service desk."
    )

    public static let cardBlocked = Self(
        .cardBlocked,
        "The card is permanently blocked (reported lost or cancelled). It cannot be used; ask at a service desk for a replacement."
    )

    // MARK: Keys and secure messaging

    public static func macRejected(statusWord: StatusWord) -> Self {
        Self(
            .macRejected,
            "The card rejected the terminal's message authentication: the terminal's keys do not match this card. Nothing was written. Ask a technician to check the key set or PSAM.",
            statusWord: statusWord)
    }

    public static func authenticationFailed(_ key: KeyName, statusWord: StatusWord? = nil) -> Self {
        Self(
            .authenticationFailed,
            "The card did not accept the terminal's key \(key): the terminal's keys do not match this card. Ask a technician to check the key set or PSAM.",
            statusWord: statusWord)
    }

    public static let cardNotGenuine = Self(
        .cardNotGenuine,
        "The card failed the genuineness check (internal authentication). Keep the card and call a supervisor."
    )

    public static func keyUnavailable(_ key: KeyName) -> Self {
        Self(
            .keyUnavailable,
            "The terminal holds no key \(key). Insert the PSAM or load the key set, or ask a technician.")
    }

    public static func keyProviderFailed(_ reason: String) -> Self {
        Self(
            .keyProviderFailed,
            "The terminal's key store failed: \(reason). Check the PSAM in its slot, or ask a technician.")
    }

    // MARK: Data

    public static func cardData(_ reason: String) -> Self {
        Self(.cardData, reason)
    }

    public static func personalisationMismatch(_ item: String) -> Self {
        Self(
            .personalisationMismatch,
            "After writing, the card's \(item) does not read back as written. Do not issue this card; personalise it again."
        )
    }

    public static let personalisationIncomplete = Self(
        .personalisationIncomplete,
        "This card was never finished at the issuance desk (or its personalisation was interrupted). It is not valid yet; take it to the desk."
    )

    public static let cardChanged = Self(
        .cardChanged,
        "Another card is in the reader than the one this began with: the card was swapped, and nothing was done with the new one. Take it out and insert the original card."
    )

    public static func journalFailed(_ reason: String) -> Self {
        Self(
            .journalFailed,
            "The desk's personalisation journal failed: \(reason). Check the disk, then personalise the card again.")
    }

    public static func unexpectedStatus(_ statusWord: StatusWord, during operation: String) -> Self {
        Self(
            .unexpectedStatus, "The card answered \(operation) with an error: \(statusWord.explanation).",
            statusWord: statusWord)
    }

    public static func transport(_ error: SmartCardError) -> Self {
        Self(.transport, error.message, underlying: error)
    }
}
