import Vocabulary

/// A card job as a desk receives it (from the centre's production batch, or as JSON for
/// `sskiosk card personalise`): the cardholder and the card's issue data. The card identifier
/// and generation come from the blank card itself.
public struct PersonalisationRecord: Codable, Hashable, Sendable {
    public var socialSecurityNumber: String
    public var name: String
    public var sex: String
    public var ethnicity: String
    public var birthplace: String
    /// YYYY-MM-DD.
    public var birthDate: String
    public var cardType: String
    public var initialisingBody: String
    public var cardNumber: String
    /// YYYY-MM-DD.
    public var issueDate: String
    /// YYYY-MM-DD.
    public var expiryDate: String

    public init(
        socialSecurityNumber: String,
        name: String,
        sex: String,
        ethnicity: String,
        birthplace: String,
        birthDate: String,
        cardType: String,
        initialisingBody: String,
        cardNumber: String,
        issueDate: String,
        expiryDate: String
    ) {
        self.socialSecurityNumber = socialSecurityNumber
        self.name = name
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthplace = birthplace
        self.birthDate = birthDate
        self.cardType = cardType
        self.initialisingBody = initialisingBody
        self.cardNumber = cardNumber
        self.issueDate = issueDate
        self.expiryDate = expiryDate
    }

    /// The validated cardholder and card identity for the blank card described by `factory`.
    /// Every field is checked here, before the first write: an invalid ID number or a name with a
    /// character outside GBK stops the job with the card untouched.
    public func validated(for factory: FactoryData, today: CardDate) throws(SocialSecurityCardError) -> (
        CardIdentity, Cardholder
    ) {
        do {
            let number = try IDNumber(socialSecurityNumber, today: today)
            guard let sex = Sex(rawValue: sex) else {
                throw SocialSecurityCardError.cardData("The sex code must be 1, 2 or 9.")
            }
            _ = try CardNameItems(fitting: name, hasExtension: factory.generation >= .v2)
            let cardholder = Cardholder(
                socialSecurityNumber: number,
                name: name,
                sex: sex,
                ethnicity: ethnicity,
                birthplace: birthplace,
                birthDate: try CardDate(iso: birthDate)
            )
            let identity = CardIdentity(
                cardIdentifier: factory.cardIdentifier,
                cardType: cardType,
                generation: factory.generation,
                initialisingBody: initialisingBody,
                issueDate: try CardDate(iso: issueDate),
                expiryDate: try CardDate(iso: expiryDate),
                cardNumber: try CardNumber(cardNumber)
            )
            return (identity, cardholder)
        } catch let error as CardDataError {
            throw .cardData(error.message)
        } catch let error as SocialSecurityCardError {
            throw error
        } catch {
            throw .cardData("\(error)")
        }
    }
}
