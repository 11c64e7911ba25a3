/// What a document's verification code vouches for: who issued it and when, whom it concerns
/// (name and masked number only), and the few facts a verifier compares with the paper.
///
/// The centre holds the full record; a verifier offline holds only this. So it names the holder
/// as printed, the number masked (the centre matches it against its register, a bystander who
/// scans the code learns no ID number), and the document's key facts (the period and total of a
/// statement, the insurance types of a proof) in a handful of short fields.
public struct VerificationSubject: Hashable, Sendable {
    public var kind: DocumentKind
    public var issuance: DocumentIssuance
    public var holderName: String?
    /// The holder's masked social security number, `4301**********1234`.
    public var holderNumber: String?
    /// Short key facts by short key, chosen per document type.
    public var facts: [String: String]

    public init(
        kind: DocumentKind, issuance: DocumentIssuance, holderName: String? = nil, holderNumber: String? = nil,
        facts: [String: String] = [:]
    ) {
        self.kind = kind
        self.issuance = issuance
        self.holderName = holderName
        self.holderNumber = holderNumber
        self.facts = facts
    }
}
