import Foundation

/// One thing recorded on a retiree's check, as the terminal records it and the centre replays it.
public enum RetireeCheckEntry: Hashable, Sendable {
    case certification(RetireeCertification)
    case lifeEvent(RetireeLifeEvent)
    case suspension(RetireeSuspension)

    /// The ledger's and the outbox's name for it.
    public var actionName: String {
        switch self {
        case .certification: "retiree.certify"
        case .lifeEvent: "retiree.life-event"
        case .suspension: "retiree.suspend"
        }
    }

    /// The ledger's detail: what was recorded, never who the retiree is.
    public var ledgerDetail: String {
        switch self {
        case .certification(let certification): "method=\(certification.method.rawValue)"
        case .lifeEvent(let event): "kind=\(event.kind.rawValue) on=\(event.on)"
        case .suspension: "suspended"
        }
    }
}
