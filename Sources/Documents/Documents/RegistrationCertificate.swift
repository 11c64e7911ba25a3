/// An employment and unemployment registration certificate (就业失业登记证明): the person's
/// registration number, where they stand now, and the registrations behind it.
public struct RegistrationCertificate: DocumentSource {
    public var person: DocumentHolder
    /// The registration number (就业创业证号 / 登记证号).
    public var registrationNumber: String
    /// Where the person is registered (户籍或常住地).
    public var residence: String
    public var status: Status
    public var records: [RegistrationRecord]
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        person: DocumentHolder, registrationNumber: String, residence: String, status: Status,
        records: [RegistrationRecord],
        issuance: DocumentIssuance, language: DocumentLanguage = .chinese
    ) {
        self.person = person
        self.registrationNumber = registrationNumber
        self.residence = residence
        self.status = status
        self.records = records
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .registrationCertificate(language) }

    /// The common `person.*`, `issue.*` and `office.*` values, and `registration.number`,
    /// `registration.residence`, `registration.status`; table `registrations` with columns `index`,
    /// `kind`, `date`, `detail`, `office`, in date order.
    public func content() throws -> DocumentContent {
        let rows = records.sorted { $0.date < $1.date }.enumerated().map { index, record -> TableRow in
            [
                "index": .text(String(index + 1)),
                "kind": .text(record.kind.name(language)),
                "date": .text(record.date.formatted(language)),
                "detail": .text(record.detail),
                "office": .text(record.office),
            ]
        }
        var values = CommonValues.person(person, language).merging(CommonValues.issuance(issuance, language)) { $1 }
        values["registration.number"] = registrationNumber
        values["registration.residence"] = residence
        values["registration.status"] = status.name(language)
        return DocumentContent(
            values: values, tables: ["registrations": rows],
            verification: VerificationSubject(
                kind: .registrationCertificate, issuance: issuance, holderName: person.name,
                holderNumber: person.maskedNumber, facts: ["r": registrationNumber, "st": status.rawValue]))
    }

    /// Where the person stands on the date of issue.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case employed = "E"
        case unemployed = "U"
        case notRegistered = "N"

        func name(_ language: DocumentLanguage) -> String {
            switch (self, language) {
            case (.employed, .chinese): "就业"
            case (.unemployed, .chinese): "失业（已登记）"
            case (.notRegistered, .chinese): "未登记"
            case (.employed, .english): "Employed"
            case (.unemployed, .english): "Unemployed (registered)"
            case (.notRegistered, .english): "Not registered"
            }
        }
    }
}
