import KioskCore

/// Whether the head of a terminal's ledger that a push carries may become the centre's anchor.
/// The centre cannot check the chain itself (its key stays on the terminal); it checks that the
/// head does not go back on the last one it accepted, and that the terminal's own entry at that
/// sequence, sent beside the head, is the one anchored. A ledger cut back, rewritten or replaced
/// on the terminal fails one or the other, even once it has grown past the anchor again.
enum LedgerAnchorRules {
    enum Decision: Hashable {
        /// A first head, or one further on that holds the anchor: it becomes the anchor.
        case anchor
        /// The anchor itself again: nothing changes.
        case same
        /// A lower sequence, or another value at the anchor's sequence.
        case refuse(CentreError)
    }

    /// `atAnchor` is the terminal's entry at the anchor's sequence; one at another sequence (the
    /// terminal knew an older anchor: another push moved it meanwhile) proves nothing and is passed over.
    static func decide(_ offered: LedgerHead, atAnchor: LedgerHead?, anchored: LedgerHead?) -> Decision {
        guard let anchored else { return .anchor }
        if offered.sequence < anchored.sequence {
            return .refuse(.ledgerHeadBehind(offered: offered.sequence, anchored: anchored.sequence))
        }
        let held = offered.sequence == anchored.sequence ? offered : atAnchor
        if let held, held.sequence == anchored.sequence, held.hash != anchored.hash {
            return .refuse(.ledgerHeadDiffers(sequence: anchored.sequence))
        }
        return offered == anchored ? .same : .anchor
    }
}
