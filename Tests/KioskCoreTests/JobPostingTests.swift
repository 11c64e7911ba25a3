import Foundation
import KioskCore
import Testing

@Suite("A job posting: shown between its days, read from an older page")
struct JobPostingTests {
    @Test("shown from the day it was posted to its last day; without one, from then on")
    func shownBetweenItsDays() {
        var posting = JobPosting(
            id: "P1", title: "电工", employer: "演示电力公司", regionCode: "430102001", monthlyWageFromFen: 400_000,
            monthlyWageToFen: 500_000, postedOn: "2026-11-02", until: "2026-11-30", contact: "13812345678")
        #expect(!posting.isShown(on: "2026-11-01"))
        #expect(posting.isShown(on: "2026-11-02") && posting.isShown(on: "2026-11-30"))
        #expect(!posting.isShown(on: "2026-12-01"))
        posting.until = nil
        #expect(posting.isShown(on: "2030-01-01"))
    }

    @Test("a posting from an older centre is a full-time job with no skills, place or end")
    func olderPage() throws {
        let json =
            #"{"id":"P1","title":"电工","employer":"演示电力公司","regionCode":"430102001","monthlyWageFromFen":400000,"monthlyWageToFen":500000,"postedOn":"2026-11-02","contact":"13812345678"}"#
        let posting = try JSONDecoder().decode(JobPosting.self, from: Data(json.utf8))
        #expect(posting.kind == .fullTime && posting.skills.isEmpty && posting.place.isEmpty && posting.until == nil)
        let again = try JSONDecoder().decode(JobPosting.self, from: try JSONEncoder().encode(posting))
        #expect(again == posting)
    }
}
