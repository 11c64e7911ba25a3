import HexCoding
import KioskCore
import SmartCard
import SocialSecurityCard
import Vocabulary

/// The desk's card writer: a blank card in the desk reader written through the card issue's
/// ``Personaliser`` with the terminal's keys (its PSAM). The journal makes a job interrupted by a
/// pulled card resume where it stopped when the same card comes back. Through pcscd each operation
/// runs on its connection's own thread, as the kiosk's do.
public struct DeskCardWriter: Sendable {
    private let cards: any CardOpener
    private let keys: (any KeyProvider)?
    private let journal: any PersonalisationJournal
    /// The region's card layout, as the kiosk's reader has it.
    private let profile: CardProfile

    public init(
        keys: (any KeyProvider)?, journal: any PersonalisationJournal, profile: CardProfile = .standard,
        cards: any CardOpener
    ) {
        self.keys = keys
        self.journal = journal
        self.profile = profile
        self.cards = cards
    }

    /// Cards in pcscd's readers. Each operation ends with a reset of the card: a personalisation
    /// leaves its external authentications and the first PIN's state on the chip, which must not
    /// stay open for the next program that connects.
    public static func pcsc(
        _ context: PCSCContext, keys: (any KeyProvider)?, journal: any PersonalisationJournal,
        profile: CardProfile = .standard
    ) -> Self {
        Self(keys: keys, journal: journal, profile: profile, cards: context)
    }

    /// What the desk writes beside the person from the cache.
    struct Job: Sendable {
        var person: Person
        var cardNumber: String
        /// As the resident's papers show it.
        var ethnicity: Ethnicity
        var issued: CardDate
        var yearsValid: Int

        /// The card's data items. The birthplace is the address code that opens the ID number
        /// (where the person was first registered), not where they live now; the card expires on
        /// the issue day `yearsValid` years on (29 February on the 28th in a common year); the card
        /// type is 1, the ordinary resident card.
        func record() throws -> PersonalisationRecord {
            let region = String(person.regionCode.prefix(6))
            let expiryYear = issued.year + yearsValid
            let expiry =
                try (try? CardDate(year: expiryYear, month: issued.month, day: issued.day))
                ?? CardDate(year: expiryYear, month: issued.month, day: issued.day - 1)
            return PersonalisationRecord(
                socialSecurityNumber: person.idNumber, name: person.name, sex: person.sex.rawValue,
                ethnicity: ethnicity.code, birthplace: String(person.idNumber.prefix(6)),
                birthDate: person.birthDate.description, cardType: "1", initialisingBody: region + "000000",
                cardNumber: cardNumber, issueDate: issued.description, expiryDate: expiry.description)
        }
    }

    /// What the card in `reader` is: blank, or whose card number, with what oddities.
    func inspect(reader: String) async throws -> DeskCardInspection {
        try await cards.withChannel(to: reader) { channel in
            let session = try await SocialSecurityCardSession.open(channel, profile: profile)
            let (factory, identity) = try await session.readFactoryDataAndIdentity()
            return DeskCardInspection(algorithm: session.algorithm.description, factory: factory, identity: identity)
        }
    }

    /// Writes `job` onto the card in `reader` with `pin` as its first PIN; returns the chip's
    /// card identifier (hex).
    func personalise(
        _ job: Job, pin: borrowing PIN, reader: String, progress: @Sendable (Int, Int) -> Void
    ) async throws -> String {
        guard let keys else { throw APIError.noCardKeys }
        return try await cards.withChannel(to: reader) { channel in
            let session = try await SocialSecurityCardSession.open(channel, profile: profile)
            let (identity, cardholder) = try job.record().validated(
                for: try await session.readFactoryData(), today: job.issued)
            let report = try await Personaliser(keys: keys, journal: journal).personalise(
                session, identity: identity, cardholder: cardholder, pin: pin, progress: progress)
            return report.card.bytes.compactHexString
        }
    }

    /// APPLICATION UNBLOCK *(unverified command)* of the card in `reader` under the terminal's
    /// maintenance key, diversified with `cardIdentifier` (hex, from the desk's records: a blocked
    /// application does not let its EF05 be read). Another card in the reader rejects the MAC.
    func unblockApplication(cardIdentifier: String, reader: String) async throws {
        guard let keys else { throw APIError.noCardKeys }
        let identifier: CardIdentifier
        do {
            identifier = try CardIdentifier(bytes: [UInt8](hex: cardIdentifier) ?? [])
        } catch {
            throw SocialSecurityCardError.cardData("the card identifier on record is malformed: \(error.message)")
        }
        try await cards.withChannel(to: reader) { channel in
            do throws(SocialSecurityCardError) {
                try await SocialSecurityCardSession.open(channel, profile: profile).unblockApplication(
                    keys: keys, cardIdentifier: identifier)
            } catch {
                throw error.code == .macRejected ? APIError.unblockRefused : error
            }
        }
    }
}
