import Foundation

/// A receipt for an application (受理回执): proof that the office took the application, what it
/// received, and when the applicant can expect the result. Printed on A4 at a desk or on the
/// kiosk's 80 mm receipt roll.
public struct ApplicationReceipt: DocumentSource {
    /// The application's business number (业务流水号), for progress queries.
    public var applicationNumber: String
    /// The service applied for, as the office names it (社会保障卡申领, 失业登记, ...).
    public var service: String
    public var applicant: DocumentHolder
    public var receivedAt: Date
    /// The papers the office received.
    public var materials: [String]
    /// The day by which the office promised a result (限时办结); nil for same-day services.
    public var promisedBy: CalendarDate?
    /// How and where the result is collected.
    public var collection: String?
    /// The clerk or kiosk that took the application.
    public var receivedBy: String
    public var contactPhone: String?
    public var issuance: DocumentIssuance
    public var format: Format

    public init(
        applicationNumber: String, service: String, applicant: DocumentHolder, receivedAt: Date, materials: [String],
        promisedBy: CalendarDate?, collection: String?, receivedBy: String, contactPhone: String?,
        issuance: DocumentIssuance, format: Format = .a4
    ) {
        self.applicationNumber = applicationNumber
        self.service = service
        self.applicant = applicant
        self.receivedAt = receivedAt
        self.materials = materials
        self.promisedBy = promisedBy
        self.collection = collection
        self.receivedBy = receivedBy
        self.contactPhone = contactPhone
        self.issuance = issuance
        self.format = format
    }

    /// The paper the receipt is printed on.
    public enum Format: String, Hashable, Sendable, Codable, CaseIterable {
        case a4
        case roll80mm
    }

    public var template: DocumentTemplate {
        switch format {
        case .a4: .applicationReceiptA4
        case .roll80mm: .applicationReceiptRoll
        }
    }

    /// The common `person.*`, `issue.*` and `office.*` values, and `application.number`, `.service`,
    /// `.receivedAt`, `.promisedBy`, `.collection`, `.receivedBy`, `.contactPhone`, `.materialCount`;
    /// table `materials` with columns `index`, `material`.
    public func content() throws -> DocumentContent {
        let language = DocumentLanguage.chinese
        var values = CommonValues.person(applicant, language).merging(CommonValues.issuance(issuance, language)) { $1 }
        values["application.number"] = applicationNumber
        values["application.service"] = service
        values["application.receivedAt"] = ChinaTime.dateTime(of: receivedAt, language)
        values["application.promisedBy"] = promisedBy?.formatted(language) ?? "当场办结"
        values["application.collection"] = collection ?? "—"
        values["application.receivedBy"] = receivedBy
        values["application.contactPhone"] = contactPhone ?? "—"
        values["application.materialCount"] = String(materials.count)
        let rows = materials.enumerated().map { index, material -> TableRow in
            ["index": .text(String(index + 1)), "material": .text(material)]
        }
        var facts = ["a": applicationNumber, "sv": service]
        if let promisedBy { facts["due"] = promisedBy.compact }
        return DocumentContent(
            values: values, tables: ["materials": rows],
            verification: VerificationSubject(
                kind: .applicationReceipt, issuance: issuance, holderName: applicant.name,
                holderNumber: applicant.maskedNumber, facts: facts))
    }
}
