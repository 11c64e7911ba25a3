import Foundation
import KioskCore
import Testing
import Vocabulary

@Suite("A page on the wire: months in runs")
struct ReferenceDataPageCodingTests {
    static let township = SyntheticTownship(
        seed: 5, regionCode: "430102001", people: 60, months: 48, lastMonth: YearMonth(year: 2026, month: 10)!,
        pageSize: 60)

    static func roundTrip(_ page: ReferenceDataPage) throws -> ReferenceDataPage {
        try SyncJSON.decoder().decode(ReferenceDataPage.self, from: try SyncJSON.encoder().encode(page))
    }

    static func runs(_ page: ReferenceDataPage) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: try SyncJSON.encoder().encode(page)) as? [String: Any]
        return try #require(object?["contributionRuns"] as? [[String: Any]])
    }

    @Test("a township's page comes back equal, row for row and in order, in far fewer objects")
    func roundTrip() throws {
        var page = try #require(Array(Self.township).first)
        #expect(page.contributions.count > 1000)
        #expect(try Self.roundTrip(page) == page)
        // In the centre's key order (person, insurance, month), as its snapshot sends them.
        page.contributions.sort {
            ($0.idNumber, $0.insurance.rawValue, $0.month) < ($1.idNumber, $1.insurance.rawValue, $1.month)
        }
        #expect(try Self.roundTrip(page) == page)
        // Employees' monthly payments make long runs; a resident's yearly payment is a run of its own.
        #expect(try Self.runs(page).count * 5 < page.contributions.count)
    }

    @Test("gaps, another order and a change of account start new runs, and the order survives")
    func gapsAndOrder() throws {
        let id = "430102199001011234"
        func contribution(_ month: String, _ insurance: InsuranceType, paid: Bool = true) -> Contribution {
            Contribution(
                idNumber: id, insurance: insurance, month: YearMonth(month)!, baseFen: 500_000, personalFen: 40_000,
                employerFen: 80_000, paid: paid)
        }
        let page = ReferenceDataPage(
            contributions: [
                contribution("2024-01", .residentPension), contribution("2024-02", .residentPension, paid: false),
                contribution("2024-04", .residentPension), contribution("2024-03", .residentPension),
                contribution("2024-05", .residentMedical), contribution("2023-12", .residentPension),
            ],
            pensionPayments: [
                PensionPayment(
                    idNumber: id, month: YearMonth("2025-01")!, amountFen: 300_000, accountMasked: "6217****1"),
                PensionPayment(
                    idNumber: id, month: YearMonth("2025-02")!, amountFen: 300_000, accountMasked: "6217****2"),
                PensionPayment(
                    idNumber: id, month: YearMonth("2025-03")!, amountFen: 310_000, accountMasked: "6217****2"),
            ],
            cursor: "7", asOf: Date(milliseconds: 1_790_000_000_000))
        #expect(try Self.roundTrip(page) == page)
        #expect(try Self.runs(page).count == 5)
    }

    @Test("removals travel as flat objects, come back equal, and an unknown kind is refused")
    func removals() throws {
        let id = "430102199001011234"
        let page = ReferenceDataPage(
            removals: [
                ReferenceRemoval(.person(idNumber: id), reason: .movedOut),
                ReferenceRemoval(
                    .enrolment(idNumber: id, insurance: .residentPension, since: YearMonth(year: 2019, month: 7)!),
                    reason: .removed),
                ReferenceRemoval(.card(cardNumber: "P12345678"), reason: .removed),
                ReferenceRemoval(.jobPosting(id: "J-1"), reason: .removed),
            ], cursor: "9", asOf: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try Self.roundTrip(page) == page)
        let object = try JSONSerialization.jsonObject(with: try SyncJSON.encoder().encode(page)) as? [String: Any]
        let removals = try #require(object?["removals"] as? [[String: String]])
        #expect(
            removals[1] == [
                "kind": "enrolment", "idNumber": id, "insurance": "170", "since": "2019-07", "reason": "removed",
            ])
        #expect(removals[0]["reason"] == "moved-out")
        // A page without removals leaves the field out, and one from an older centre reads as none.
        let plain = try SyncJSON.encoder().encode(ReferenceDataPage(cursor: "9", asOf: page.asOf))
        #expect(!String(decoding: plain, as: UTF8.self).contains("removals"))
        #expect(try SyncJSON.decoder().decode(ReferenceDataPage.self, from: plain).removals.isEmpty)

        let unknown = String(decoding: try SyncJSON.encoder().encode(page), as: UTF8.self)
            .replacingOccurrences(of: "\"jobPosting\"", with: "\"vehicle\"")
        #expect(throws: DecodingError.self) {
            try SyncJSON.decoder().decode(ReferenceDataPage.self, from: Data(unknown.utf8))
        }
    }

    @Test("a malformed run is refused, not cut or wrapped")
    func malformedRuns() throws {
        func decode(_ runs: String) -> Bool {
            let json = """
                {"people":[],"enrolments":[],"contributionRuns":\(runs),"pensionPaymentRuns":[],"jobPostings":[],
                "cardRecords":[],"cursor":"1","asOf":1790000000000}
                """
            return (try? SyncJSON.decoder().decode(ReferenceDataPage.self, from: Data(json.utf8))) != nil
        }
        let id = #""idNumber":"430102199001011234","insurance":"170""#
        #expect(decode(#"[{\#(id),"first":24288,"months":[1,2,3,1]}]"#))
        #expect(!decode(#"[{\#(id),"first":24288,"months":[1,2,3]}]"#))
        #expect(!decode(#"[{\#(id),"first":-5,"months":[1,2,3,1]}]"#))
        #expect(!decode(#"[{\#(id),"first":36000,"months":[1,2,3,1]}]"#))
        #expect(!decode(#"[{\#(id),"first":"2024-01","months":[1,2,3,1]}]"#))
    }
}
