/// Why a supervisor closes a command the centre refused instead of sending it again (日终复核).
public enum ClosingReason: String, Codable, CaseIterable, Hashable, Sendable {
    /// 中心已有相同记录
    case alreadyAtCentre = "already-at-centre"
    /// 已由后续操作取代
    case superseded
    /// 录入有误，已另行办理
    case enteredInError = "entered-in-error"
    /// 已与中心核实处理
    case settledWithCentre = "settled-with-centre"
}
