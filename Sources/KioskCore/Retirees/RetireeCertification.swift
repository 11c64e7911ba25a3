import Foundation

/// A retiree shown to be alive and entitled: at the kiosk with card and PIN, at the desk, or by a
/// clerk at their home.
public struct RetireeCertification: Codable, Hashable, Sendable {
    public var method: Method
    /// The staff id of the clerk, or `card` for the retiree at the kiosk (``Principal/actorID``).
    public var by: String
    public var at: Date
    /// What the clerk saw on a home visit (上门认证); nil otherwise.
    public var note: String?

    public init(method: Method, by: String, at: Date, note: String? = nil) {
        self.method = method
        self.by = by
        self.at = at
        self.note = note
    }

    public enum Method: String, Codable, CaseIterable, Hashable, Sendable {
        /// 自助认证: the retiree's own card and PIN at the kiosk.
        case kiosk
        /// 上门认证: a clerk visited one who cannot come.
        case homeVisit = "home-visit"

        public var chineseName: String {
            switch self {
            case .kiosk: "自助认证"
            case .homeVisit: "上门认证"
            }
        }
    }
}
