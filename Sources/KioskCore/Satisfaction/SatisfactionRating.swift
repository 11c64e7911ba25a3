import Foundation

/// A resident's rating of one service at a kiosk or a desk. It names the member of staff who served
/// (for the county's figures) but never the resident, and no page a resident sees shows who served.
public struct SatisfactionRating: Codable, Hashable, Sendable {
    public enum Channel: String, Codable, CaseIterable, Hashable, Sendable {
        /// The resident alone at the kiosk, at the end of their session.
        case kiosk
        /// At the desk, on the screen turned to the resident once the clerk has served them.
        case desk
    }

    /// The terminal's id and a number of its own: unique across terminals.
    public var id: String
    public var level: SatisfactionLevel
    /// Why, in the resident's words or a reason they tapped; nil when they gave none.
    public var reason: String?
    public var channel: Channel
    /// The service rated, when the rating follows one.
    public var service: ApplicationKind?
    /// The staff id of the clerk who served; nil at the kiosk.
    public var servedBy: String?
    /// The terminal's jurisdiction: where the service was given.
    public var regionCode: String
    public var at: Date

    public init(
        id: String, level: SatisfactionLevel, reason: String?, channel: Channel, service: ApplicationKind?,
        servedBy: String?, regionCode: String, at: Date
    ) {
        self.id = id
        self.level = level
        self.reason = reason
        self.channel = channel
        self.service = service
        self.servedBy = servedBy
        self.regionCode = regionCode
        self.at = at
    }

    /// The longest reason kept.
    public static let maximumReason = 100
}
