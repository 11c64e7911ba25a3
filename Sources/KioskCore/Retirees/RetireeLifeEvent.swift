import Foundation

/// A death or a move away reported at the desk by a family member: the pension must stop, so the
/// check goes to the county as a candidate for suspension.
public struct RetireeLifeEvent: Codable, Hashable, Sendable {
    public var kind: Kind
    /// The day it happened, as the family said it ("YYYY-MM-DD").
    public var on: String
    /// How the one who reported is related to the retiree (配偶, 子女…); never their ID number.
    public var reporterRelation: String
    /// The staff id of the clerk who took the report.
    public var by: String
    public var at: Date

    public init(kind: Kind, on: String, reporterRelation: String, by: String, at: Date) {
        self.kind = kind
        self.on = on
        self.reporterRelation = reporterRelation
        self.by = by
        self.at = at
    }

    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        case death
        case movedAway = "moved-away"

        public var chineseName: String {
            switch self {
            case .death: "死亡"
            case .movedAway: "迁出"
            }
        }
    }
}
