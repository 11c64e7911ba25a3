import KioskCore

/// What the centre holds that one command is judged against, read in the command's transaction.
/// A store fills in what the command names (``CentreCommand``) and nothing more.
struct CommandFacts: Sendable {
    /// The application the command names, as the centre has it.
    var application: StoredApplication?
    /// Whether another open application exists for the same person and service.
    var openDuplicate = false
    /// The region of the person a new record is for, when the centre knows them.
    var holderRegion: String?
    /// The card the command names, as the centre has it.
    var card: StoredCard?
    /// The register entry under the serial a certificate command names.
    var certificate: SignedCertificate?
}

struct StoredApplication: Sendable {
    var application: Application
    var version: Int
}

struct StoredCard: Sendable {
    var card: CardRecord
    var regionCode: String
    /// The number of its steps, as on the terminal.
    var version: Int { card.steps.count }
}
