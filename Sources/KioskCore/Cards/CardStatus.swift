/// Where a social security card is in its life. A card moves forward only along these edges;
/// a loss report wins over anything that would keep the card usable.
public enum CardStatus: String, Codable, CaseIterable, Hashable, Sendable {
    /// 已申领
    case applied
    /// 制卡中
    case inProduction = "in-production"
    /// 已到网点，待领取
    case readyAtDesk = "ready-at-desk"
    /// 已发放
    case issued
    /// 已启用
    case active
    /// 已挂失
    case lost
    /// 已补换: the card is replaced by a new one and dead.
    case replaced
    /// 已注销
    case cancelled

    public var chineseName: String {
        switch self {
        case .applied: "已申领"
        case .inProduction: "制卡中"
        case .readyAtDesk: "已到网点，待领取"
        case .issued: "已发放"
        case .active: "已启用"
        case .lost: "已挂失"
        case .replaced: "已补换"
        case .cancelled: "已注销"
        }
    }

    /// Whether `next` may follow. "Found" is `lost` back to `active` (解挂).
    public func canMove(to next: CardStatus) -> Bool {
        switch (self, next) {
        case (.applied, .inProduction), (.inProduction, .readyAtDesk), (.readyAtDesk, .issued), (.issued, .active): true
        case (.issued, .lost), (.active, .lost), (.readyAtDesk, .lost): true
        case (.lost, .active), (.lost, .replaced): true
        case (.cancelled, _), (.replaced, _): false
        case (_, .cancelled): true
        default: false
        }
    }

    /// Whether a card in this state may be used at a kiosk.
    public var isUsable: Bool { self == .active || self == .issued }
}
