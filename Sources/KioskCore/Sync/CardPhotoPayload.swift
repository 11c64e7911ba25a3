import Foundation

/// The payload of `card.photo`: the photo checked at the desk for a card request, for the centre to
/// keep with the card for production. The JPEG travels as base64.
public struct CardPhotoPayload: Codable, Hashable, Sendable {
    public var cardNumber: String
    public var jpeg: Data
    /// The staff id of the clerk who kept it.
    public var by: String
    public var at: Date

    public init(cardNumber: String, jpeg: Data, by: String, at: Date) {
        self.cardNumber = cardNumber
        self.jpeg = jpeg
        self.by = by
        self.at = at
    }

    /// The largest photo the centre keeps, as the desk checks it.
    public static let maximumBytes = 200_000
}
