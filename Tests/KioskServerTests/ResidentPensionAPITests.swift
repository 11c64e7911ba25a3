import Foundation
import KioskCore
import SocialSecurityCard
import Testing
import Vocabulary

@Suite("The residents' pension window: enrolment at a grade of the county's table, the claim at 60 after fifteen years")
struct ResidentPensionAPITests {
    /// A man of the township born on the day his ID number says, enrolled in the residents' pension
    /// when `enrolled`, with `months` paid from January 2005.
    static func person(_ terminal: TestTerminal, _ idNumber: String, enrolled: Bool, months: Int) async throws
        -> KioskCore.Person
    {
        let birth = Array(idNumber.dropFirst(6).prefix(8))
        let person = KioskCore.Person(
            idNumber: idNumber, name: "王五", sex: .male,
            birthDate: try CardDate(
                year: Int(String(birth[0..<4]))!, month: Int(String(birth[4..<6]))!, day: Int(String(birth[6..<8]))!),
            regionCode: "430102001003")
        try await terminal.store.applyReferenceData(
            ReferenceDataPage(
                people: [person],
                enrolments: enrolled
                    ? [
                        KioskCore.Enrolment(
                            idNumber: idNumber, insurance: .residentPension, since: YearMonth("2005-01")!,
                            status: .active, unit: "个人")
                    ] : [],
                contributions: (0..<months).map { month in
                    Contribution(
                        idNumber: idNumber, insurance: .residentPension,
                        month: YearMonth(index: YearMonth("2005-01")!.index + month), baseFen: 0, personalFen: 10_000,
                        employerFen: 0, paid: true)
                }, cursor: "p-\(idNumber)", asOf: terminal.clock.now()))
        return person
    }

    @Test("the grades are the county's once published; an enrolment names one of them")
    func gradesAndEnrolment() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let national = try await api.call(.get, "/api/pension/grades")
            #expect((national.body["grades"] as? [Any])?.count == PensionGradeTable.national.grades.count)
            let county = PensionGradeTable(
                grades: [
                    .init(level: 1, annualFen: 20_000, subsidyFen: 4_000),
                    .init(level: 2, annualFen: 50_000, subsidyFen: 7_000),
                    .init(level: 3, annualFen: 100_000, subsidyFen: 10_000),
                ], source: "某县人民政府文件")
            try await terminal.store.applyReferenceData(
                ReferenceDataPage(pensionGrades: [county], cursor: "g", asOf: terminal.clock.now()))
            let published = try await api.call(.get, "/api/pension/grades")
            #expect(
                published.body["source"] as? String == "某县人民政府文件" && (published.body["grades"] as? [Any])?.count == 3)
            let clerk = try await api.login("clerk1")
            let wrong = try await api.call(
                .post, "/api/applications", token: clerk,
                json:
                    #"{"kind":"resident-pension-enrolment","idNumber":"\#(terminal.here.idNumber)","details":{"grade":"9"}}"#
            )
            #expect(wrong.status == 422 && wrong.body["code"] as? String == "invalid-grade", "\(wrong.text)")
            let enrolled = try await api.call(
                .post, "/api/applications", token: clerk,
                json:
                    #"{"kind":"resident-pension-enrolment","idNumber":"\#(terminal.here.idNumber)","details":{"grade":"2"}}"#
            )
            #expect(enrolled.status == 201 && (enrolled.body["details"] as? [String: String])?["grade"] == "2")
        }
    }

    @Test("the claim at 60: refused too young, not enrolled, or short of fifteen years; taken otherwise")
    func claimAtSixty() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            func claim(_ idNumber: String) async throws -> (status: Int, body: [String: Any], text: String) {
                try await api.call(
                    .post, "/api/applications", token: clerk,
                    json: #"{"kind":"resident-pension-claim","idNumber":"\#(idNumber)"}"#)
            }
            let young = try await claim(terminal.here.idNumber)
            #expect(young.status == 422 && young.body["code"] as? String == "too-young-to-claim", "\(young.text)")
            let notEnrolled = try await Self.person(terminal, "430102196001011234", enrolled: false, months: 0)
            #expect(try await claim(notEnrolled.idNumber).body["code"] as? String == "not-enrolled")
            let short = try await Self.person(terminal, "430102196002011236", enrolled: true, months: 100)
            let shortAnswer = try await claim(short.idNumber)
            #expect(shortAnswer.body["code"] as? String == "contributions-short", "\(shortAnswer.text)")
            #expect((shortAnswer.body["messageChinese"] as? String)?.contains("8年4个月") == true)
            let due = try await Self.person(terminal, "430102196003011238", enrolled: true, months: 180)
            let taken = try await claim(due.idNumber)
            #expect(taken.status == 201 && taken.body["kind"] as? String == "resident-pension-claim", "\(taken.text)")

            // 100 yuan a month: 1,200 a year reaches the 1,000-yuan grade, 60 yuan of subsidy.
            let account = try await api.call(.get, "/api/people/\(due.idNumber)/pension-account", token: clerk)
            let years = try #require(account.body["years"] as? [[String: Any]], "\(account.text)")
            #expect(years.count == 15 && account.body["monthsPaid"] as? Int == 180)
            #expect(years.first?["personalFen"] as? Int == 120_000 && years.first?["subsidyFen"] as? Int == 6_000)
            #expect(account.body["balanceFen"] as? Int == 15 * 126_000)
            let printed = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"pa-1","document":"pension-account-statement","idNumber":"\#(due.idNumber)"}"#)
            #expect(printed.status == 201, "\(printed.text)")
            #expect(terminal.printer.submissions.last?.document.title == "个人账户对账单")
            let theirs = try await api.call(
                .get, "/api/people/\(due.idNumber)/pension-account", token: try await api.login("clerk-elsewhere"))
            #expect(theirs.status == 403)
        }
    }
}
