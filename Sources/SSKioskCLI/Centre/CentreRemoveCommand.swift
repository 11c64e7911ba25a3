import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging
import Vocabulary

/// Takes a record out of the centre's records: the terminals holding it forget it on their next
/// pull and write the removal in their ledgers.
struct CentreRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract:
            "Take a person (with all their records and cards), an enrolment, a card or a job posting out of the centre's records; terminals holding it forget it on their next pull.",
        discussion: """
            sskiosk centre remove person ID-NUMBER
            sskiosk centre remove enrolment ID-NUMBER INSURANCE-CODE SINCE   (e.g. 110 2019-07)
            sskiosk centre remove card CARD-NUMBER
            sskiosk centre remove job-posting POSTING-ID
            """)

    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case person, enrolment, card
        case jobPosting = "job-posting"
    }

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "What to remove: person, enrolment, card or job-posting.")
    var kind: Kind

    @Argument(help: "Its key: an ID number; an ID number, insurance code and first month; a card number; a posting id.")
    var key: [String]

    func validate() throws { _ = try record() }

    func run() async throws {
        let record = try record()
        let (subject, detail) = record.ledgerSubject
        let audit = CentreLedgerEvent(
            actor: store.operatorName, action: "\(kind.rawValue).remove", subject: subject, regionCode: "",
            detail: detail)
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.remove(record, at: Date(), audit: audit)
        }
        StandardError.write(
            "removed \(kind.rawValue) \(Self.printable(record)); terminals forget it on their next pull\n")
    }

    private func record() throws -> ReferenceRemoval.Record {
        let expected = kind == .enrolment ? 3 : 1
        guard key.count == expected else {
            throw ValidationError(
                "a \(kind.rawValue) is named by \(expected == 1 ? "one value" : "three values"), not \(key.count)")
        }
        switch kind {
        case .person: return .person(idNumber: key[0])
        case .card: return .card(cardNumber: key[0])
        case .jobPosting: return .jobPosting(id: key[0])
        case .enrolment:
            guard let insurance = InsuranceType(rawValue: key[1]) else {
                let codes = InsuranceType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("\(key[1]) is not an insurance code (one of \(codes))")
            }
            guard let since = YearMonth(key[2]) else { throw ValidationError("\(key[2]) is not a month (YYYY-MM)") }
            return .enrolment(idNumber: key[0], insurance: insurance, since: since)
        }
    }

    /// The record as the terminal's output may show it: an ID number masked.
    static func printable(_ record: ReferenceRemoval.Record) -> String {
        switch record {
        case .person(let idNumber): "\(MaskedIDNumber(idNumber))"
        case .enrolment(let idNumber, let insurance, let since):
            "\(MaskedIDNumber(idNumber)) \(insurance.rawValue) \(since)"
        case .card(let number): number
        case .jobPosting(let id), .staff(let id): id
        }
    }
}
