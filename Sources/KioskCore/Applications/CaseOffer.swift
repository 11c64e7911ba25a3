/// One action on a case as the desk's page shows it: offered, or not with the reason.
public struct CaseOffer: Codable, Hashable, Sendable {
    public var action: CaseAction
    public var allowed: Bool
    /// The code of the refusal the service would answer with (``KioskError/code``).
    public var reasonCode: String?
    public var reasonChinese: String?
    public var reason: String?

    public init(action: CaseAction, refusal: KioskError?) {
        self.action = action
        allowed = refusal == nil
        reasonCode = refusal?.code
        reasonChinese = refusal?.messageChinese
        reason = refusal?.message
    }
}
