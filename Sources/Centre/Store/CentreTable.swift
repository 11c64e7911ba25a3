import Foundation
import KioskCore
import SocialSecurityCard
import Vocabulary

/// How a record type maps to its table: the columns in order (without `changeSequence`, which the
/// store adds), the values of a record, and a record read back from the same columns. One mapping
/// for both dialects.
struct CentreTable<Record>: Sendable {
    let name: String
    let columns: [String]
    /// The primary key's columns; the first column alone unless named.
    let key: [String]
    let values: @Sendable (Record) throws -> [SQLValue]
    let read: @Sendable (any SQLRowReader) throws -> Record

    init(
        name: String, columns: [String], key: [String]? = nil,
        values: @escaping @Sendable (Record) throws -> [SQLValue],
        read: @escaping @Sendable (any SQLRowReader) throws -> Record
    ) {
        self.name = name
        self.columns = columns
        self.key = key ?? [columns[0]]
        self.values = values
        self.read = read
    }

    /// `a, b, c` for a SELECT or INSERT list, each prefixed with `alias.` when given.
    func columnList(alias: String? = nil) -> String {
        columns.map { column in alias.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }
}

/// The tables the centre reads and writes records through.
enum CentreTables {
    static let person = CentreTable<Person>(
        name: "person", columns: ["idNumber", "name", "sex", "birthDate", "regionCode", "phone", "version"],
        values: { person in
            [
                .text(person.idNumber), .text(person.name), .text(person.sex.rawValue),
                .text(person.birthDate.description), .text(person.regionCode), SQLValue(person.phone),
                .integer(Int64(person.version)),
            ]
        },
        read: { row in
            guard let sex = Sex(rawValue: try row.text(2)) else { throw CorruptRow(table: "person", column: "sex") }
            guard let birthDate = try? CardDate(iso: try row.text(3)) else {
                throw CorruptRow(table: "person", column: "birthDate")
            }
            return Person(
                idNumber: try row.text(0), name: try row.text(1), sex: sex, birthDate: birthDate,
                regionCode: try row.text(4), phone: try row.optionalText(5), version: Int(try row.integer(6)))
        })

    static let enrolment = CentreTable<Enrolment>(
        name: "enrolment", columns: ["idNumber", "insurance", "since", "until", "status", "unit"],
        key: ["idNumber", "insurance", "since"],
        values: { enrolment in
            [
                .text(enrolment.idNumber), .text(enrolment.insurance.rawValue), .integer(Int64(enrolment.since.index)),
                SQLValue(enrolment.until?.index), .text(enrolment.status.rawValue), .text(enrolment.unit),
            ]
        },
        read: { row in
            guard let insurance = InsuranceType(rawValue: try row.text(1)) else {
                throw CorruptRow(table: "enrolment", column: "insurance")
            }
            guard let status = Enrolment.Status(rawValue: try row.text(4)) else {
                throw CorruptRow(table: "enrolment", column: "status")
            }
            return Enrolment(
                idNumber: try row.text(0), insurance: insurance, since: YearMonth(index: Int(try row.integer(2))),
                until: try row.optionalInteger(3).map { YearMonth(index: Int($0)) }, status: status,
                unit: try row.text(5))
        })

    static let contribution = CentreTable<Contribution>(
        name: "contribution",
        columns: ["idNumber", "insurance", "month", "baseFen", "personalFen", "employerFen", "paid"],
        key: ["idNumber", "insurance", "month"],
        values: { contribution in
            [
                .text(contribution.idNumber), .text(contribution.insurance.rawValue),
                .integer(Int64(contribution.month.index)), .integer(contribution.baseFen),
                .integer(contribution.personalFen), .integer(contribution.employerFen),
                .integer(contribution.paid ? 1 : 0),
            ]
        },
        read: { row in
            guard let insurance = InsuranceType(rawValue: try row.text(1)) else {
                throw CorruptRow(table: "contribution", column: "insurance")
            }
            return Contribution(
                idNumber: try row.text(0), insurance: insurance, month: YearMonth(index: Int(try row.integer(2))),
                baseFen: try row.integer(3), personalFen: try row.integer(4), employerFen: try row.integer(5),
                paid: try row.integer(6) != 0)
        })

    static let pensionPayment = CentreTable<PensionPayment>(
        name: "pensionPayment", columns: ["idNumber", "month", "amountFen", "accountMasked"],
        key: ["idNumber", "month"],
        values: { payment in
            [
                .text(payment.idNumber), .integer(Int64(payment.month.index)), .integer(payment.amountFen),
                .text(payment.accountMasked),
            ]
        },
        read: { row in
            PensionPayment(
                idNumber: try row.text(0), month: YearMonth(index: Int(try row.integer(1))),
                amountFen: try row.integer(2), accountMasked: try row.text(3))
        })

    static let jobPosting = CentreTable<JobPosting>(
        name: "jobPosting",
        columns: [
            "id", "title", "employer", "regionCode", "monthlyWageFromFen", "monthlyWageToFen", "postedOn", "contact",
        ],
        values: { posting in
            [
                .text(posting.id), .text(posting.title), .text(posting.employer), .text(posting.regionCode),
                .integer(posting.monthlyWageFromFen), .integer(posting.monthlyWageToFen), .text(posting.postedOn),
                .text(posting.contact),
            ]
        },
        read: { row in
            JobPosting(
                id: try row.text(0), title: try row.text(1), employer: try row.text(2), regionCode: try row.text(3),
                monthlyWageFromFen: try row.integer(4), monthlyWageToFen: try row.integer(5),
                postedOn: try row.text(6), contact: try row.text(7))
        })

    /// A card with the region it is kept in; its version is the number of its steps.
    static let card = CentreTable<StoredCard>(
        name: "card",
        columns: ["cardNumber", "idNumber", "status", "cardIdentifier", "steps", "regionCode", "version"],
        values: { stored in
            let card = stored.card
            return [
                .text(card.cardNumber), .text(card.idNumber), .text(card.status.rawValue),
                SQLValue(card.cardIdentifier),
                .text(String(decoding: try SyncJSON.encoder().encode(card.steps), as: UTF8.self)),
                .text(stored.regionCode), .integer(Int64(stored.version)),
            ]
        },
        read: { row in
            guard let status = CardStatus(rawValue: try row.text(2)) else {
                throw CorruptRow(table: "card", column: "status")
            }
            guard
                let steps = try? SyncJSON.decoder().decode([CardRecord.Step].self, from: Data(try row.text(4).utf8))
            else { throw CorruptRow(table: "card", column: "steps") }
            return StoredCard(
                card: CardRecord(
                    cardNumber: try row.text(0), idNumber: try row.text(1), status: status,
                    cardIdentifier: try row.optionalText(3), steps: steps),
                regionCode: try row.text(5))
        })

    static let application = CentreTable<StoredApplication>(
        name: "application",
        columns: [
            "id", "kind", "idNumber", "status", "submittedBy", "submittedAt", "deadline", "approvedBy", "completedAt",
            "details", "terminalID", "regionCode", "version",
        ],
        values: { stored in
            let application = stored.application
            return [
                .text(application.id), .text(application.kind.rawValue), .text(application.idNumber),
                .text(application.status.rawValue), .text(application.submittedBy),
                .integer(application.submittedAt.milliseconds), .integer(application.deadline.milliseconds),
                SQLValue(application.approvedBy), SQLValue(application.completedAt?.milliseconds),
                .text(String(decoding: try SyncJSON.encoder().encode(application.details), as: UTF8.self)),
                .text(application.terminalID), .text(application.regionCode), .integer(Int64(stored.version)),
            ]
        },
        read: { row in
            guard let kind = ApplicationKind(rawValue: try row.text(1)) else {
                throw CorruptRow(table: "application", column: "kind")
            }
            guard let status = ApplicationStatus(rawValue: try row.text(3)) else {
                throw CorruptRow(table: "application", column: "status")
            }
            guard let details = try? JSONDecoder().decode([String: String].self, from: Data(try row.text(9).utf8))
            else { throw CorruptRow(table: "application", column: "details") }
            return StoredApplication(
                application: Application(
                    id: try row.text(0), kind: kind, idNumber: try row.text(2), status: status,
                    submittedBy: try row.text(4), submittedAt: Date(milliseconds: try row.integer(5)),
                    approvedBy: try row.optionalText(7),
                    completedAt: try row.optionalInteger(8).map(Date.init(milliseconds:)),
                    details: details, terminalID: try row.text(10), regionCode: try row.text(11)),
                version: Int(try row.integer(12)))
        })

    static let terminal = CentreTable<RegisteredTerminal>(
        name: "terminal", columns: ["id", "jurisdiction", "name", "tokenHash", "registeredAt"],
        values: { terminal in
            [
                .text(terminal.id), .text(terminal.jurisdiction.regionPrefix), .text(terminal.name),
                .text(terminal.tokenHash), .integer(terminal.registeredAt.milliseconds),
            ]
        },
        read: { row in
            guard let jurisdiction = try? Jurisdiction(try row.text(1)) else {
                throw CorruptRow(table: "terminal", column: "jurisdiction")
            }
            return RegisteredTerminal(
                id: try row.text(0), jurisdiction: jurisdiction, name: try row.text(2), tokenHash: try row.text(3),
                registeredAt: Date(milliseconds: try row.integer(4)))
        })

    static let cardBatch = CentreTable<CardBatch>(
        name: "cardBatch", columns: ["id", "regionCode", "status", "createdAt", "cardCount"],
        values: { batch in
            [
                .text(batch.id), .text(batch.regionCode), .text(batch.status.rawValue),
                .integer(batch.createdAt.milliseconds), .integer(Int64(batch.cardCount)),
            ]
        },
        read: { row in
            guard let status = CardBatch.Status(rawValue: try row.text(2)) else {
                throw CorruptRow(table: "cardBatch", column: "status")
            }
            return CardBatch(
                id: try row.text(0), regionCode: try row.text(1), status: status,
                createdAt: Date(milliseconds: try row.integer(3)), cardCount: Int(try row.integer(4)))
        })

    static let certificate = CentreTable<SignedCertificate>(
        name: "signedCertificate", columns: ["serial", "kind", "payloadHash", "keyID", "regionCode", "signedAt"],
        values: { certificate in
            [
                .text(certificate.serial), .text(certificate.kind), .text(certificate.payloadHash),
                .text(certificate.keyID), .text(certificate.regionCode), .integer(certificate.signedAt.milliseconds),
            ]
        },
        read: { row in
            SignedCertificate(
                serial: try row.text(0), kind: try row.text(1), payloadHash: try row.text(2), keyID: try row.text(3),
                regionCode: try row.text(4), signedAt: Date(milliseconds: try row.integer(5)))
        })
}
