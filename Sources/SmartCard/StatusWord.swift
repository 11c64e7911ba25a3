/// The two status bytes SW1-SW2 that end every response (ISO 7816-4 §5.1.3), with their meaning.
public struct StatusWord: Hashable, Sendable, CustomStringConvertible {
    public let sw1: UInt8
    public let sw2: UInt8

    public init(sw1: UInt8, sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    public init(_ value: UInt16) {
        self.init(sw1: UInt8(value >> 8), sw2: UInt8(value & 0xFF))
    }

    public var value: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }

    public static let success = StatusWord(0x9000)

    /// What a status word says, in the categories ISO 7816-4 defines, with the parameters some carry.
    public enum Meaning: Hashable, Sendable {
        case success
        /// `61xx`: xx more bytes wait for GET RESPONSE (0 means 256).
        case moreDataAvailable(Int)
        /// `6Cxx`: wrong Le; resend with Le = xx (0 means 256).
        case wrongLeExactLength(Int)
        /// `63Cx`: verification failed, x tries left (also the counter of a PIN probe).
        case verificationFailed(triesLeft: Int)
        /// `62xx`, `63xx` other than `63Cx`: processed with a warning.
        case warning
        /// `64xx`, `65xx`, `66xx`: execution error; the card's memory may have changed for `65xx`.
        case executionError
        case wrongLength
        case functionInCLANotSupported
        case commandNotAllowed
        case securityStatusNotSatisfied
        case authenticationMethodBlocked
        case referencedDataInvalid
        case conditionsOfUseNotSatisfied
        case commandIncompatibleWithFileStructure
        case noCurrentEF
        case secureMessagingDataObjectMissing
        case secureMessagingDataObjectIncorrect
        case wrongParameters
        case incorrectDataField
        case functionNotSupported
        case fileNotFound
        case recordNotFound
        case notEnoughMemory
        case referencedDataNotFound
        case incorrectP1P2
        case insNotSupported
        case claNotSupported
        case noPreciseDiagnosis
        /// `9xxx` other than `9000`: proprietary to the card's issuer.
        case proprietary
        /// Not an ISO 7816-4 status word at all.
        case unknown
    }

    public var meaning: Meaning {
        switch (sw1, sw2) {
        case (0x90, 0x00): return .success
        case (0x61, let n): return .moreDataAvailable(n == 0 ? 256 : Int(n))
        case (0x6C, let n): return .wrongLeExactLength(n == 0 ? 256 : Int(n))
        case (0x63, let x) where x & 0xF0 == 0xC0: return .verificationFailed(triesLeft: Int(x & 0x0F))
        case (0x62, _), (0x63, _): return .warning
        case (0x64, _), (0x65, _), (0x66, _): return .executionError
        case (0x67, _): return .wrongLength
        case (0x68, _): return .functionInCLANotSupported
        case (0x69, 0x82): return .securityStatusNotSatisfied
        case (0x69, 0x83): return .authenticationMethodBlocked
        case (0x69, 0x84): return .referencedDataInvalid
        case (0x69, 0x85): return .conditionsOfUseNotSatisfied
        case (0x69, 0x81): return .commandIncompatibleWithFileStructure
        case (0x69, 0x86): return .noCurrentEF
        case (0x69, 0x87): return .secureMessagingDataObjectMissing
        case (0x69, 0x88): return .secureMessagingDataObjectIncorrect
        case (0x69, _): return .commandNotAllowed
        case (0x6A, 0x80): return .incorrectDataField
        case (0x6A, 0x81): return .functionNotSupported
        case (0x6A, 0x82): return .fileNotFound
        case (0x6A, 0x83): return .recordNotFound
        case (0x6A, 0x84): return .notEnoughMemory
        case (0x6A, 0x88): return .referencedDataNotFound
        case (0x6A, 0x86), (0x6B, 0x00): return .incorrectP1P2
        case (0x6A, _): return .wrongParameters
        case (0x6D, 0x00): return .insNotSupported
        case (0x6E, 0x00): return .claNotSupported
        case (0x6F, 0x00): return .noPreciseDiagnosis
        case (0x90...0x9F, _): return .proprietary
        default: return .unknown
        }
    }

    /// True for `9000`; `61xx` is resolved by ``CardChannel/transmit(_:)`` before a caller sees it.
    public var isSuccess: Bool { self == .success }

    /// A short English explanation, for logs and technicians.
    public var explanation: String {
        switch meaning {
        case .success: "success"
        case .moreDataAvailable(let n): "\(n) more response bytes available (GET RESPONSE)"
        case .wrongLeExactLength(let n): "wrong Le; the card has \(n) bytes"
        case .verificationFailed(let n): "verification failed, \(n) tries left"
        case .warning: "processed with a warning"
        case .executionError: "execution error"
        case .wrongLength: "wrong length"
        case .functionInCLANotSupported: "function in CLA not supported (logical channel or secure messaging)"
        case .commandNotAllowed: "command not allowed"
        case .securityStatusNotSatisfied: "security status not satisfied"
        case .authenticationMethodBlocked: "authentication method (PIN or key) blocked"
        case .referencedDataInvalid: "referenced data invalid (challenge missing or used)"
        case .conditionsOfUseNotSatisfied: "conditions of use not satisfied"
        case .commandIncompatibleWithFileStructure: "command incompatible with file structure"
        case .noCurrentEF: "command not allowed: no current EF"
        case .secureMessagingDataObjectMissing: "secure messaging data object missing"
        case .secureMessagingDataObjectIncorrect: "secure messaging data object incorrect (bad MAC)"
        case .wrongParameters: "wrong parameters P1-P2"
        case .incorrectDataField: "incorrect parameters in the data field"
        case .functionNotSupported: "function not supported"
        case .fileNotFound: "file or application not found"
        case .recordNotFound: "record not found"
        case .notEnoughMemory: "not enough memory space in the file"
        case .referencedDataNotFound: "referenced data not found"
        case .incorrectP1P2: "incorrect parameters P1-P2"
        case .insNotSupported: "instruction not supported"
        case .claNotSupported: "class not supported"
        case .noPreciseDiagnosis: "no precise diagnosis"
        case .proprietary: "issuer-specific status"
        case .unknown: "not an ISO 7816-4 status word"
        }
    }

    public var description: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\(String(repeating: "0", count: 4 - hex.count))\(hex) (\(explanation))"
    }
}
