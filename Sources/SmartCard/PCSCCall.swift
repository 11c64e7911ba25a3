import CPCSCLite

/// PC/SC return values this module acts on, as pcsclite.h defines them (its casted macros do not import).
enum PCSCStatus {
    static let success = 0
    static let cancelled = Int(0x8010_0002)
    static let invalidHandle = Int(0x8010_0003)
    static let insufficientBuffer = Int(0x8010_0008)
    static let timeout = Int(0x8010_000A)
    static let notTransacted = Int(0x8010_0016)
    static let noService = Int(0x8010_001D)
    static let serviceStopped = Int(0x8010_001E)
    static let commError = Int(0x8010_0013)
    static let unknownError = Int(0x8010_0014)
    static let noReadersAvailable = Int(0x8010_002E)
    static let removedCard = Int(0x8010_0069)

    /// Results meaning the daemon went away and every context it gave out is dead.
    static func meansServiceLost(_ rv: Int) -> Bool {
        rv == noService || rv == serviceStopped || rv == invalidHandle || rv == commError || rv == unknownError
    }
}

/// Runs a PC/SC call and turns a failure into the ``SmartCardError`` a person can act on.
@inline(__always)
func pcscCall(_ body: () -> LONG) throws(SmartCardError) {
    let rv = Int(body())
    guard rv == PCSCStatus.success else { throw SmartCardError(pcscCode: rv) }
}
