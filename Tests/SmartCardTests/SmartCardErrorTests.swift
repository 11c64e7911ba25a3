import Testing

@testable import SmartCard

@Suite struct SmartCardErrorTests {
    /// Every return value pcsclite.h defines that the module maps, by its name and value in the header.
    static let mapped: [(name: String, code: Int, error: SmartCardError)] = [
        ("SCARD_F_INTERNAL_ERROR", 0x8010_0001, .internalError),
        ("SCARD_E_CANCELLED", 0x8010_0002, .cancelled),
        ("SCARD_E_INVALID_HANDLE", 0x8010_0003, .invalidHandle),
        ("SCARD_E_INVALID_PARAMETER", 0x8010_0004, .invalidParameter),
        ("SCARD_E_INVALID_TARGET", 0x8010_0005, .invalidParameter),
        ("SCARD_E_NO_MEMORY", 0x8010_0006, .noMemory),
        ("SCARD_F_WAITED_TOO_LONG", 0x8010_0007, .communicationError),
        ("SCARD_E_INSUFFICIENT_BUFFER", 0x8010_0008, .insufficientBuffer),
        ("SCARD_E_UNKNOWN_READER", 0x8010_0009, .unknownReader),
        ("SCARD_E_TIMEOUT", 0x8010_000A, .timeout),
        ("SCARD_E_SHARING_VIOLATION", 0x8010_000B, .sharingViolation),
        ("SCARD_E_NO_SMARTCARD", 0x8010_000C, .noCard),
        ("SCARD_E_UNKNOWN_CARD", 0x8010_000D, .cardUnsupported),
        ("SCARD_E_CANT_DISPOSE", 0x8010_000E, .invalidParameter),
        ("SCARD_E_PROTO_MISMATCH", 0x8010_000F, .protocolMismatch),
        ("SCARD_E_NOT_READY", 0x8010_0010, .notReady),
        ("SCARD_E_INVALID_VALUE", 0x8010_0011, .invalidParameter),
        ("SCARD_E_SYSTEM_CANCELLED", 0x8010_0012, .cancelled),
        ("SCARD_F_COMM_ERROR", 0x8010_0013, .communicationError),
        ("SCARD_F_UNKNOWN_ERROR", 0x8010_0014, .internalError),
        ("SCARD_E_NOT_TRANSACTED", 0x8010_0016, .notTransacted),
        ("SCARD_E_READER_UNAVAILABLE", 0x8010_0017, .readerUnavailable),
        ("SCARD_E_PCI_TOO_SMALL", 0x8010_0019, .insufficientBuffer),
        ("SCARD_E_READER_UNSUPPORTED", 0x8010_001A, .readerUnavailable),
        ("SCARD_E_DUPLICATE_READER", 0x8010_001B, .readerUnavailable),
        ("SCARD_E_CARD_UNSUPPORTED", 0x8010_001C, .cardUnsupported),
        ("SCARD_E_NO_SERVICE", 0x8010_001D, .serviceNotRunning),
        ("SCARD_E_SERVICE_STOPPED", 0x8010_001E, .serviceStopped),
        ("SCARD_E_UNEXPECTED", 0x8010_001F, .internalError),
        ("SCARD_E_ICC_INSTALLATION", 0x8010_0020, .internalError),
        ("SCARD_E_ICC_CREATEORDER", 0x8010_0021, .internalError),
        ("SCARD_E_NO_ACCESS", 0x8010_0027, .securityViolation),
        ("SCARD_E_UNKNOWN_RES_MNG", 0x8010_002B, .internalError),
        ("SCARD_E_NO_READERS_AVAILABLE", 0x8010_002E, .noReaders),
        ("SCARD_E_COMM_DATA_LOST", 0x8010_002F, .communicationError),
        ("SCARD_E_SERVER_TOO_BUSY", 0x8010_0031, .serverBusy),
        ("SCARD_W_UNSUPPORTED_CARD", 0x8010_0065, .cardUnsupported),
        ("SCARD_W_UNRESPONSIVE_CARD", 0x8010_0066, .cardUnresponsive),
        ("SCARD_W_UNPOWERED_CARD", 0x8010_0067, .cardUnpowered),
        ("SCARD_W_RESET_CARD", 0x8010_0068, .cardReset),
        ("SCARD_W_REMOVED_CARD", 0x8010_0069, .cardRemoved),
        ("SCARD_W_SECURITY_VIOLATION", 0x8010_006A, .securityViolation),
        ("SCARD_W_WRONG_CHV", 0x8010_006B, .securityViolation),
        ("SCARD_W_CHV_BLOCKED", 0x8010_006C, .securityViolation),
        ("SCARD_W_CANCELLED_BY_USER", 0x8010_006E, .cancelled),
        ("SCARD_W_CARD_NOT_AUTHENTICATED", 0x8010_006F, .securityViolation),
    ]

    /// Values the module does not map: card-file and certificate errors of Windows' CSP layer,
    /// success itself, and values no header defines.
    static let unmapped: [Int] = [
        0x0000_0000,  // SCARD_S_SUCCESS
        0x8010_0015,  // SCARD_E_INVALID_ATR
        0x8010_0022,
        0x8010_0023,  // SCARD_E_DIR_NOT_FOUND
        0x8010_0024,  // SCARD_E_FILE_NOT_FOUND
        0x8010_002A,  // SCARD_E_INVALID_CHV
        0x8010_002C,  // SCARD_E_NO_SUCH_CERTIFICATE
        0x8010_0030,  // SCARD_E_NO_KEY_CONTAINER
        0x8010_006D,  // SCARD_W_EOF
        0x8010_0070,
        0x1234,
        0xFFFF_FFFF,
    ]

    /// The errors a PC/SC return value can become.
    static let fromPCSC: [SmartCardError] = [
        .serviceNotRunning, .serviceStopped, .noReaders, .unknownReader, .readerUnavailable, .sharingViolation,
        .timeout, .cancelled, .invalidHandle, .notReady, .notTransacted, .serverBusy, .noCard, .cardRemoved,
        .cardReset, .cardUnpowered, .cardUnresponsive, .cardUnsupported, .protocolMismatch, .securityViolation,
        .insufficientBuffer, .invalidParameter, .communicationError, .noMemory, .internalError,
    ]

    /// The errors about bytes, which no PC/SC return value becomes.
    static let fromBytes: [SmartCardError] = [
        .responseChainTooLong, .malformedCommand("x"), .malformedResponse("x"), .malformedATR("x"),
    ]

    // MARK: Mapping

    @Test(arguments: mapped)
    func mapsPCSCCode(name: String, code: Int, error expected: SmartCardError) {
        let error = SmartCardError(pcscCode: code)
        #expect(error == expected, "\(name)")
        #expect(error.pcscCode == code)
        #expect(error.message == expected.message)
        #expect(expected.pcscCode == nil)
        #expect(error.description.hasPrefix(expected.message))
        #expect(error.description.hasSuffix("[PC/SC 0x\(String(code, radix: 16, uppercase: true))]"))
    }

    @Test(arguments: mapped)
    func mapsSignExtendedCode(name: String, code: Int, error expected: SmartCardError) {
        // Where LONG is 32 bits the same value arrives negative.
        let negative = Int(Int32(bitPattern: UInt32(code)))
        #expect(negative < 0)
        let error = SmartCardError(pcscCode: negative)
        #expect(error == expected, "\(name)")
        #expect(error.pcscCode == negative)
        #expect(error.description.contains("0x\(String(code, radix: 16, uppercase: true))"))
    }

    @Test(arguments: fromPCSC)
    func everyPCSCErrorIsReachable(error: SmartCardError) {
        #expect(Self.mapped.contains { $0.error == error }, "\(error.message)")
    }

    @Test func everyCodeOfTheSCARDRangeIsListedOrUnmapped() {
        // Catches a mapping this table does not know of, and any code turned into a byte error.
        let unmapped = SmartCardError(pcscCode: 0x1234)
        for code in 0x8010_0000...0x8010_00FF {
            let expected = Self.mapped.first { $0.code == code }?.error ?? unmapped
            #expect(SmartCardError(pcscCode: code) == expected, "0x\(String(code, radix: 16))")
        }
    }

    @Test(arguments: unmapped)
    func unknownCodeKeepsTheRawValue(code: Int) {
        let error = SmartCardError(pcscCode: code)
        #expect(error.pcscCode == code)
        #expect(error.message.contains("technician"))
        #expect(error.description.contains("0x\(String(UInt32(truncatingIfNeeded: code), radix: 16, uppercase: true))"))
        // One case for all unmapped codes, distinct from every named error.
        #expect(error == SmartCardError(pcscCode: 0x8010_00FF))
        for named in Self.fromPCSC + Self.fromBytes {
            #expect(error != named, "\(named.message)")
        }
    }

    // MARK: The status values the module acts on

    @Test func pcscStatusMatchesTheHeader() {
        #expect(PCSCStatus.success == 0)
        #expect(PCSCStatus.cancelled == 0x8010_0002)
        #expect(PCSCStatus.invalidHandle == 0x8010_0003)
        #expect(PCSCStatus.insufficientBuffer == 0x8010_0008)
        #expect(PCSCStatus.timeout == 0x8010_000A)
        #expect(PCSCStatus.commError == 0x8010_0013)
        #expect(PCSCStatus.unknownError == 0x8010_0014)
        #expect(PCSCStatus.notTransacted == 0x8010_0016)
        #expect(PCSCStatus.noService == 0x8010_001D)
        #expect(PCSCStatus.serviceStopped == 0x8010_001E)
        #expect(PCSCStatus.noReadersAvailable == 0x8010_002E)
        #expect(PCSCStatus.removedCard == 0x8010_0069)

        #expect(SmartCardError(pcscCode: PCSCStatus.cancelled) == .cancelled)
        #expect(SmartCardError(pcscCode: PCSCStatus.noService) == .serviceNotRunning)
        #expect(SmartCardError(pcscCode: PCSCStatus.removedCard) == .cardRemoved)
    }

    @Test func serviceLostCodes() {
        let lost = [
            PCSCStatus.noService, PCSCStatus.serviceStopped, PCSCStatus.invalidHandle, PCSCStatus.commError,
            PCSCStatus.unknownError,
        ]
        for code in lost {
            #expect(PCSCStatus.meansServiceLost(code), "\(SmartCardError(pcscCode: code))")
        }
        for code in Self.mapped.map(\.code) + [PCSCStatus.success] where !lost.contains(code) {
            #expect(!PCSCStatus.meansServiceLost(code), "\(SmartCardError(pcscCode: code))")
        }
    }

    @Test func pcscCallThrowsOnlyOnFailure() throws {
        try pcscCall { 0 }
        let error = #expect(throws: SmartCardError.self) {
            try pcscCall { 0x8010_0069 }
        }
        #expect(error == .cardRemoved)
        #expect(error?.pcscCode == 0x8010_0069)
    }

    // MARK: Messages

    @Test(arguments: fromPCSC + fromBytes)
    func messageIsNeverEmpty(error: SmartCardError) {
        #expect(error.message.count > 20)
        #expect(error.message.hasSuffix("."))
        #expect(error.pcscCode == nil)
        #expect(error.description == error.message)
    }

    @Test func reasonsAppearInMessagesButNotInEquality() {
        let command = SmartCardError.malformedCommand("Lc is 3")
        #expect(command.message.contains("Lc is 3"))
        #expect(command == .malformedCommand("something else"))
        #expect(command != .malformedResponse("Lc is 3"))
        #expect(SmartCardError.malformedResponse("1 byte").message.contains("1 byte"))
        #expect(SmartCardError.malformedATR("TS is 00").message.contains("TS is 00"))

        var set: Set<SmartCardError> = [.malformedCommand("a"), .malformedCommand("b"), .cardRemoved]
        set.insert(SmartCardError(pcscCode: 0x8010_0069))
        #expect(set.count == 2)
    }
}
