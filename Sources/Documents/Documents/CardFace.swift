import Vocabulary

/// The printed face of a social security card (ID-1, 85.60 x 53.98 mm): photo, name, social
/// security number, card number and issue date, placed by the region's layout.
///
/// Regions print onto stock that already carries the national design; the layout marks those
/// parts `preprinted`, so a proof shows the whole card and the card printer gets only the data
/// (render with `onPreprintedStock: true`).
public struct CardFace: DocumentSource {
    public var name: String
    /// Printed in full: it is the card's purpose.
    public var socialSecurityNumber: String
    public var cardNumber: String
    public var issueDate: CalendarDate
    /// The issuing region's name as the card prints it, for example 湖南省长沙市.
    public var region: String
    /// A PNG or JPEG photo (358 x 441 is the usual card photo); nil prints a placeholder frame.
    public var photo: [UInt8]?
    /// The region's layout; every key it uses must be one of ``CardFace``'s values.
    public var layout: DocumentTemplate

    public init(
        name: String, socialSecurityNumber: String, cardNumber: String, issueDate: CalendarDate, region: String,
        photo: [UInt8]?, layout: DocumentTemplate = .nationalCardFace
    ) {
        self.name = name
        self.socialSecurityNumber = socialSecurityNumber
        self.cardNumber = cardNumber
        self.issueDate = issueDate
        self.region = region
        self.photo = photo
        self.layout = layout
    }

    public var template: DocumentTemplate { layout }

    /// Values `card.name`, `card.number`, `card.cardNumber`, `card.issueDate` (`2024年03月`),
    /// `card.region`; image `card.photo`.
    public func content() throws -> DocumentContent {
        DocumentContent(
            values: [
                "card.name": name,
                "card.number": socialSecurityNumber,
                "card.cardNumber": cardNumber,
                "card.issueDate": YearMonth(year: issueDate.year, month: issueDate.month)!.formatted(.chinese),
                "card.region": region,
            ],
            images: photo.map { ["card.photo": $0] } ?? [:])
    }
}
