import Documents
import Foundation
import Vocabulary

/// The benchmark's synthetic documents: made-up people, nobody real.
enum BenchmarkDocuments {
    static let issuedAt = Date(timeIntervalSince1970: 1_741_919_400)
    static let person = DocumentHolder(name: "赵思远", socialSecurityNumber: "430102199004150014", sex: .male)
    static let employer = "湖南星城精密机械有限公司"

    static func issuance(_ serial: String) -> DocumentIssuance {
        DocumentIssuance(
            serialNumber: serial, office: Office(code: "430102-01", name: "长沙市芙蓉区人力资源和社会保障局"),
            issuedAt: issuedAt, validUntil: CalendarDate(year: 2025, month: 6, day: 14))
    }

    static func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month)! }

    static let proof = ProofOfInsurance(
        person: person,
        enrolments: [InsuranceType.enterprisePension, .employeeMedical, .unemployment, .workInjury].map {
            EnrolmentLine(
                insurance: $0, status: .contributing, since: month(2012, 3), paidUntil: month(2025, 2),
                monthsPaid: 156, employer: employer)
        },
        issuance: issuance("BENCH-000001"), language: .chinese)

    /// Ten A4 pages: 108 months of three schemes, 324 rows.
    static let statement: ContributionStatement = {
        let records = ContributionRecord.synthetic(from: month(2011, 1), months: 108) {
            Money(fen: 520_000 + Int64($0 % 23) * 1_511)
        }
        return ContributionStatement(
            person: person, period: month(2011, 1)...records[records.count - 1].month, records: records,
            issuance: issuance("BENCH-000002"), language: .chinese)
    }()

    /// Both documents' values and table rows, exactly as the engine fills its templates, as JSON:
    /// the peer lays out the same strings.
    static func peerData() throws -> Data {
        func json(_ content: DocumentContent) -> [String: Any] {
            let tables = content.tables.mapValues { rows in
                rows.map { row in
                    row.mapValues { cell -> String in
                        switch cell {
                        case .text(let text): text
                        case .money(let money): money.formatted
                        }
                    }
                }
            }
            return ["values": content.values, "tables": tables]
        }
        let object = ["proof": json(try proof.content()), "statement": json(try statement.content())]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
