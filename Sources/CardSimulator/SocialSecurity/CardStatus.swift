/// Status words the simulated card answers with, as bytes ready to send.
enum Status {
    static let success: [UInt8] = [0x90, 0x00]
    static let wrongLength: [UInt8] = [0x67, 0x00]
    static let securityStatusNotSatisfied: [UInt8] = [0x69, 0x82]
    static let pinBlocked: [UInt8] = [0x69, 0x83]
    static let conditionsNotSatisfied: [UInt8] = [0x69, 0x85]
    static let noCurrentEF: [UInt8] = [0x69, 0x86]
    static let noChallenge: [UInt8] = [0x69, 0x84]
    static let macIncorrect: [UInt8] = [0x69, 0x88]
    static let authenticationFailed: [UInt8] = [0x63, 0x00]
    static let incorrectData: [UInt8] = [0x6A, 0x80]
    static let cardBlocked: [UInt8] = [0x6A, 0x81]
    static let fileNotFound: [UInt8] = [0x6A, 0x82]
    static let recordNotFound: [UInt8] = [0x6A, 0x83]
    static let keyNotFound: [UInt8] = [0x6A, 0x88]
    static let incorrectP1P2: [UInt8] = [0x6A, 0x86]
    static let offsetBeyondFile: [UInt8] = [0x6B, 0x00]
    static let insNotSupported: [UInt8] = [0x6D, 0x00]
    static let claNotSupported: [UInt8] = [0x6E, 0x00]
    static let applicationBlocked: [UInt8] = [0x93, 0x03]

    static func wrongPIN(triesLeft: Int) -> [UInt8] { [0x63, 0xC0 | UInt8(triesLeft)] }
    /// `61xx`: at most 256 bytes are announced at a time (`6100`), as ISO 7816-4 allows.
    static func moreData(_ count: Int) -> [UInt8] { [0x61, UInt8(truncatingIfNeeded: min(count, 256))] }
    static func exactLength(_ count: Int) -> [UInt8] { [0x6C, UInt8(truncatingIfNeeded: count)] }
}
