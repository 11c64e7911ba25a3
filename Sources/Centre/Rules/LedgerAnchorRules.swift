import KioskCore

/// Whether the head of a terminal's ledger that a push carries may become the centre's anchor.
/// The centre cannot check the chain itself (its key stays on the terminal); it checks that the
/// head does not go back on the last one it accepted, which a ledger cut back, rewritten or
/// replaced on the terminal must do.
enum LedgerAnchorRules {
    enum Decision: Hashable {
        /// A first head, or one further on: it becomes the anchor.
        case anchor
        /// The anchor itself again: nothing changes.
        case same
        /// A lower sequence, or the same sequence with another value.
        case refuse(CentreError)
    }

    static func decide(_ offered: LedgerHead, anchored: LedgerHead?) -> Decision {
        guard let anchored, offered.sequence <= anchored.sequence else { return .anchor }
        if offered.sequence < anchored.sequence {
            return .refuse(.ledgerHeadBehind(offered: offered.sequence, anchored: anchored.sequence))
        }
        return offered.hash == anchored.hash ? .same : .refuse(.ledgerHeadDiffers(sequence: offered.sequence))
    }
}
