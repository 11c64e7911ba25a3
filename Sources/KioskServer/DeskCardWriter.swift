import KioskCore
import SmartCard
import SocialSecurityCard

/// The desk's card writer: a blank card in the desk reader written through the card issue's
/// ``Personaliser`` with the terminal's keys (its PSAM). The journal makes a job interrupted by a
/// pulled card resume where it stopped when the same card comes back.
public struct DeskCardWriter: Sendable {
    private let open: ResidentCardReader.Open
    private let keys: (any KeyProvider)?
    private let journal: any PersonalisationJournal

    public init(keys: (any KeyProvider)?, journal: any PersonalisationJournal, open: @escaping ResidentCardReader.Open)
    {
        self.keys = keys
        self.journal = journal
        self.open = open
    }

    /// Cards in pcscd's readers.
    public static func pcsc(_ context: PCSCContext, keys: (any KeyProvider)?, journal: any PersonalisationJournal)
        -> Self
    {
        Self(keys: keys, journal: journal) { reader in
            let connection = try await context.connect(reader: reader)
            return (connection, { try? connection.disconnect() })
        }
    }

    /// What the desk writes beside the person from the cache.
    struct Job: Sendable {
        var person: Person
        var cardNumber: String
        /// GB 3304 nationality code, two digits, as the resident's papers show it.
        var ethnicity: String
        var issued: CardDate
        var yearsValid: Int
    }

    /// Writes `job` onto the card in `reader` with `pin` as its first PIN; returns the chip's
    /// card identifier (hex).
    func personalise(
        _ job: Job, pin: borrowing PIN, reader: String, progress: @Sendable (Int, Int) -> Void
    ) async throws -> String {
        guard let keys else { throw APIError.noCardKeys }
        let (channel, close) = try await open(reader)
        defer { close() }
        let session = try await SocialSecurityCardSession.open(channel)
        let region = String(job.person.regionCode.prefix(6))
        let record = PersonalisationRecord(
            socialSecurityNumber: job.person.idNumber, name: job.person.name, sex: job.person.sex.rawValue,
            ethnicity: job.ethnicity, birthplace: region, birthDate: job.person.birthDate.description, cardType: "1",
            initialisingBody: region + "000000", cardNumber: job.cardNumber, issueDate: job.issued.description,
            expiryDate: try CardDate(year: job.issued.year + job.yearsValid, month: job.issued.month, day: 1)
                .description)
        let (identity, cardholder) = try record.validated(for: try await session.readFactoryData(), today: job.issued)
        let report = try await Personaliser(keys: keys, journal: journal).personalise(
            session, identity: identity, cardholder: cardholder, pin: pin, progress: progress)
        return report.card.bytes.compactHexString
    }
}
