import SocialSecurityCard

/// What the card in the desk reader is, for the clerk before a write or when a resident's card
/// misbehaves: EF05 only (free read, no PIN, no personal data), with the card's oddities, which
/// the desk shows to staff and the kiosk never shows to residents.
struct DeskCardInspection: Encodable, Sendable {
    /// A card with only its factory data, ready to be personalised.
    var blank: Bool
    var cardNumber: String?
    var specVersion: String
    var algorithm: String
    var issuingRegion: String
    var expiryDate: String?
    var warnings: [String]

    init(algorithm: String, factory: FactoryData, identity: CardIdentity?) {
        blank = identity == nil
        cardNumber = identity?.cardNumber.value
        specVersion = identity?.specVersion ?? factory.generation.rawValue
        self.algorithm = algorithm
        issuingRegion = factory.cardIdentifier.regionCode
        expiryDate = identity?.expiryDate?.description
        warnings = identity?.warnings ?? []
    }
}
