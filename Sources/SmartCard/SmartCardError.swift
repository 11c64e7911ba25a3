import CodedErrors

/// An error from the PC/SC layer: what happened, and what the person in front of the terminal should do.
///
/// A ``CodedError``: a static member per code, a message written for a clerk or technician. The raw
/// PC/SC return value, when there is one, is kept in ``pcscCode`` for diagnostics but never shown
/// alone.
public struct SmartCardError: CodedError {
    public enum Code: Hashable, Sendable {
        case serviceNotRunning
        case serviceStopped
        case noReaders
        case unknownReader
        case readerUnavailable
        case noCard
        case cardRemoved
        case cardReset
        case cardUnpowered
        case cardUnresponsive
        case cardUnsupported
        case sharingViolation
        case timeout
        case cancelled
        case invalidHandle
        case protocolMismatch
        case notReady
        case notTransacted
        case insufficientBuffer
        case invalidParameter
        case communicationError
        case serverBusy
        case noMemory
        case internalError
        case securityViolation
        case unmappedPCSCCode
        case malformedCommand
        case malformedResponse
        case malformedATR
        case malformedBERTLV
        case responseChainTooLong
    }

    public let code: Code
    /// What went wrong and what to do about it, for a person.
    public let message: String
    /// The PC/SC return value this error was mapped from, if any.
    public let pcscCode: Int?

    private init(_ code: Code, _ message: String, pcscCode: Int? = nil) {
        self.code = code
        self.message = message
        self.pcscCode = pcscCode
    }

    public var description: String {
        guard let pcscCode else { return message }
        return "\(message) [PC/SC 0x\(String(UInt32(truncatingIfNeeded: pcscCode), radix: 16, uppercase: true))]"
    }

    // MARK: The daemon and its readers

    public static let serviceNotRunning = Self(
        .serviceNotRunning,
        "The smart-card service (pcscd) is not running. Start it (or restart the terminal) and try again.")
    public static let serviceStopped = Self(
        .serviceStopped,
        "The smart-card service (pcscd) stopped. The terminal reconnects by itself; if this persists, restart pcscd.")
    public static let noReaders = Self(
        .noReaders,
        "No card reader is connected. Check the reader's USB cable and that the reader is powered.")
    public static let unknownReader = Self(
        .unknownReader,
        "The card reader is not known to the smart-card service. It may have been unplugged; check the cable.")
    public static let readerUnavailable = Self(
        .readerUnavailable,
        "The card reader is not available. Unplug it and plug it in again; if it keeps happening, replace the cable or hub."
    )
    public static let sharingViolation = Self(
        .sharingViolation,
        "Another program is using the card reader. Close it, or wait for it to finish, and try again.")
    public static let timeout = Self(
        .timeout,
        "The card reader did not answer in time. Try again; if it keeps happening, reconnect the reader.")
    public static let cancelled = Self(.cancelled, "The card operation was cancelled.")
    public static let invalidHandle = Self(
        .invalidHandle,
        "The connection to the card is no longer valid (the smart-card service may have restarted). Reconnect and try again."
    )
    public static let notReady = Self(.notReady, "The card reader is not ready. Wait a moment and try again.")
    public static let notTransacted = Self(
        .notTransacted,
        "The card transaction had already ended. Start the operation again.")
    public static let serverBusy = Self(
        .serverBusy,
        "The smart-card service is too busy. Wait a moment and try again.")

    // MARK: The card

    public static let noCard = Self(.noCard, "No card is in the reader. Insert the card, chip first, and try again.")
    public static let cardRemoved = Self(
        .cardRemoved,
        "The card was removed. Insert it again and repeat the operation; nothing was completed on the card.")
    public static let cardReset = Self(
        .cardReset,
        "The card was reset by another program. Repeat the operation.")
    public static let cardUnpowered = Self(
        .cardUnpowered,
        "The card has no power. Take it out, insert it again and repeat the operation.")
    public static let cardUnresponsive = Self(
        .cardUnresponsive,
        "The card does not respond. Check that it is inserted the right way round, chip first; clean the chip if it is dirty."
    )
    public static let cardUnsupported = Self(
        .cardUnsupported,
        "This card cannot be used with this reader. Check that it is the right kind of card.")
    public static let protocolMismatch = Self(
        .protocolMismatch,
        "The card does not speak the requested protocol (T=0/T=1). Reconnect allowing either protocol.")
    public static let securityViolation = Self(
        .securityViolation,
        "The reader refused access to the card for security reasons.")

    // MARK: Faults of this machine

    public static let insufficientBuffer = Self(
        .insufficientBuffer,
        "The card's answer was larger than expected. Report this to a technician.")
    public static let invalidParameter = Self(
        .invalidParameter,
        "The card operation was called with invalid parameters. Report this to a technician.")
    public static let communicationError = Self(
        .communicationError,
        "Communication with the card reader failed. Reconnect the reader and try again.")
    public static let noMemory = Self(.noMemory, "The terminal ran out of memory. Restart the terminal service.")
    public static let internalError = Self(
        .internalError,
        "The smart-card service reported an internal error. Restart pcscd; if it persists, report it to a technician.")

    // MARK: Bytes that make no sense

    /// A command APDU that cannot be encoded or parsed; `reason` says which field is wrong.
    public static func malformedCommand(_ reason: String) -> Self {
        Self(.malformedCommand, "Malformed command APDU: \(reason).")
    }

    /// A response APDU that cannot be parsed; `reason` says what is wrong.
    public static func malformedResponse(_ reason: String) -> Self {
        Self(.malformedResponse, "Malformed response from the card: \(reason). Take the card out and insert it again.")
    }

    /// An answer-to-reset that does not follow ISO 7816-3; `reason` says where it breaks.
    public static func malformedATR(_ reason: String) -> Self {
        Self(
            .malformedATR,
            "The card's answer to reset is not valid: \(reason). The card may be damaged or inserted wrongly.")
    }

    /// Data that is not ISO 7816-4 BER-TLV (an FCI, a template); `reason` says where it breaks.
    public static func malformedBERTLV(_ reason: String) -> Self {
        Self(.malformedBERTLV, "The card sent data that is not valid BER-TLV: \(reason). The card may be damaged.")
    }

    public static let responseChainTooLong = Self(
        .responseChainTooLong,
        "The card kept announcing more response data without end. The card may be faulty.")

    /// Maps a PC/SC return value to the error a person can act on.
    public init(pcscCode: Int) {
        let base: SmartCardError
        switch UInt32(truncatingIfNeeded: pcscCode) {
        case 0x8010_001D: base = .serviceNotRunning
        case 0x8010_001E: base = .serviceStopped
        case 0x8010_002E: base = .noReaders
        case 0x8010_0009: base = .unknownReader
        case 0x8010_0017, 0x8010_001A, 0x8010_001B: base = .readerUnavailable
        case 0x8010_000C: base = .noCard
        case 0x8010_0069: base = .cardRemoved
        case 0x8010_0068: base = .cardReset
        case 0x8010_0067: base = .cardUnpowered
        case 0x8010_0066: base = .cardUnresponsive
        case 0x8010_0065, 0x8010_001C, 0x8010_000D: base = .cardUnsupported
        case 0x8010_000B: base = .sharingViolation
        case 0x8010_000A: base = .timeout
        case 0x8010_0002, 0x8010_0012, 0x8010_006E: base = .cancelled
        case 0x8010_0003: base = .invalidHandle
        case 0x8010_000F: base = .protocolMismatch
        case 0x8010_0010: base = .notReady
        case 0x8010_0016: base = .notTransacted
        case 0x8010_0008, 0x8010_0019: base = .insufficientBuffer
        case 0x8010_0004, 0x8010_0011, 0x8010_0005, 0x8010_000E: base = .invalidParameter
        case 0x8010_0013, 0x8010_002F, 0x8010_0007: base = .communicationError
        case 0x8010_0031: base = .serverBusy
        case 0x8010_0006: base = .noMemory
        case 0x8010_006A, 0x8010_006B, 0x8010_006C, 0x8010_006F, 0x8010_0027: base = .securityViolation
        case 0x8010_0001, 0x8010_0014, 0x8010_001F, 0x8010_0020, 0x8010_0021, 0x8010_002B: base = .internalError
        default:
            base = Self(
                .unmappedPCSCCode,
                "The smart-card service returned an unexpected result. Report the code to a technician.")
        }
        self.init(base.code, base.message, pcscCode: pcscCode)
    }
}
