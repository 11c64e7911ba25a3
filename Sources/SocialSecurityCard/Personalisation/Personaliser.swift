import CardCrypto
import Crypto
import HexCoding
import SmartCard

/// Writes a cardholder onto a blank card at the issuance desk, safely against a card pulled at
/// any moment.
///
/// The order makes tearing harmless: the issue date (EF05 item 05) is cleared first and written
/// last, and a card without an issue date reads as "never finished"
/// (``SocialSecurityCardError/personalisationIncomplete``). Every acknowledged step goes to the
/// journal, so the job resumes where the card left off when the same card comes back; every
/// write is a whole record, so redoing a step is harmless. At the end the card is read back and
/// compared item by item.
public struct Personaliser: Sendable {
    public let keys: any KeyProvider
    public let journal: any PersonalisationJournal

    public init(keys: any KeyProvider, journal: any PersonalisationJournal) {
        self.keys = keys
        self.journal = journal
    }

    /// What a personalisation did, for the desk's screen and ledger (no personal data).
    public struct Report: Hashable, Sendable {
        public var card: CardIdentifier
        /// Steps done in this run; fewer than ``totalSteps`` when it resumed an interrupted job.
        public var stepsDone: Int
        public var totalSteps: Int
        public var resumed: Bool
    }

    /// Personalises the card in `session` with `identity` and `cardholder`, setting `pin` as its
    /// first PIN.
    public func personalise(
        _ session: SocialSecurityCardSession,
        identity: CardIdentity,
        cardholder: Cardholder,
        pin: borrowing PIN,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws(SocialSecurityCardError) -> Report {
        let profile = session.profile
        guard try await session.readFactoryData().cardIdentifier == identity.cardIdentifier else { throw .cardChanged }

        let steps = try Self.steps(identity: identity, cardholder: cardholder, profile: profile)
        let digest = Self.digest(steps)
        let cardName = FileJournal.name(identity.cardIdentifier)
        var completed = 0
        if let entry = try await journal.entry(for: identity.cardIdentifier), entry.digest == digest {
            completed = entry.completedSteps
        }
        let resumed = completed > 0
        let total = steps.count + 1
        for (index, step) in steps.enumerated() where index >= completed {
            progress(index, total)
            let command = CommandAPDU.updateRecord(
                sfi: step.sfi, tag: step.record.tag, record: try Self.encoded(step.record))
            _ = try await session.sendSecured(
                command, key: step.key, keys: keys, identity: identity, during: "writing the card")
            try await journal.record(
                .init(card: cardName, digest: digest, completedSteps: index + 1, totalSteps: total))
        }
        progress(steps.count, total)
        try await session.reloadPIN(to: pin, keys: keys, identity: identity)
        try await verify(session, identity: identity, against: steps)
        try await journal.remove(identity.cardIdentifier)
        progress(total, total)
        return Report(card: identity.cardIdentifier, stepsDone: total - completed, totalSteps: total, resumed: resumed)
    }

    /// One record to write: which file, which key.
    struct Step {
        var sfi: UInt8
        var record: TLV
        var key: KeyName
    }

    /// Clear the issue date, EF06, EF05 but the issue date, then the issue date.
    static func steps(identity: CardIdentity, cardholder: Cardholder, profile: CardProfile)
        throws(SocialSecurityCardError) -> [Step]
    {
        guard let (issuerFile, issueDate) = profile.item(.issueDate) else { throw .recordNotFound("the issue date") }
        var written = try cardholder.records(generation: identity.generation, profile: profile)
        written += try identity.records(profile: profile).filter { $0.record.tag != issueDate.tag }
        written += try identity.records(profile: profile).filter { $0.record.tag == issueDate.tag }
        let cleared = FileRecord(
            fid: issuerFile.fid, record: TLV(tag: issueDate.tag, value: Array(repeating: 0, count: issueDate.length)))
        var steps: [Step] = []
        for item in [cleared] + written {
            guard let file = profile.ssse.file(item.fid), case .secureMessaging(let key) = file.write else {
                throw .accessDenied("file \(String(item.fid, radix: 16, uppercase: true))")
            }
            steps.append(Step(sfi: file.sfi, record: item.record, key: key))
        }
        return steps
    }

    static func encoded(_ record: TLV) throws(SocialSecurityCardError) -> [UInt8] {
        do {
            return try record.encoded()
        } catch {
            throw .cardData(error.message)
        }
    }

    static func digest(_ steps: [Step]) -> String {
        let bytes = steps.flatMap {
            [$0.sfi, $0.record.tag, UInt8(truncatingIfNeeded: $0.record.value.count)] + $0.record.value
        }
        return SHA256.hash(data: bytes).compactHexString
    }

    /// Reads both files back and compares every written item.
    private func verify(
        _ session: SocialSecurityCardSession,
        identity: CardIdentity,
        against steps: [Step]
    ) async throws(SocialSecurityCardError) {
        var expected: [UInt8: [UInt8: [UInt8]]] = [:]
        for step in steps { expected[step.sfi, default: [:]][step.record.tag] = step.record.value }
        for (sfi, items) in expected.sorted(by: { $0.key < $1.key }) {
            guard let file = session.profile.ssse.file(sfi: sfi) else { continue }
            if case .externalAuthentication(let key) = file.readCondition(for: identity.generation) {
                try await session.authenticate(with: key, keys: keys, identity: identity)
            }
            let read = try await session.readItems(of: file, generation: identity.generation)
            for (tag, value) in items where read[tag: tag].map(Array.init) != value {
                let name = file.items(for: identity.generation).first { $0.tag == tag }?.name ?? "item \(tag)"
                throw .personalisationMismatch(name)
            }
        }
    }
}
