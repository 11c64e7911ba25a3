import KioskCore
import Testing

@Suite("A service's guide: checked before it is published, read as one text with the service's own time limit")
struct ServiceGuideTests {
    static let guide = ServiceGuide(
        kind: .cardApplication, materials: ["居民身份证原件", "近期免冠彩色证件照"], steps: ["窗口提交申请", "领卡并激活"],
        fee: "不收费", legalBasis: "《社会保障卡管理办法》")

    @Test("the text lists materials and steps in order, with the time limit of the service")
    func text() {
        let text = Self.guide.text
        #expect(text.hasPrefix("社会保障卡申领。"))
        #expect(text.contains("申请材料：1. 居民身份证原件；2. 近期免冠彩色证件照。"))
        #expect(text.contains("办理时限：20个工作日。"))
        var sameDay = Self.guide
        sameDay.kind = .lossReport
        #expect(sameDay.text.contains("办理时限：当场办结。"))
        #expect(Self.guide.problems.isEmpty)
    }

    @Test("every problem is said: no materials, an empty step, no fee, a basis too long")
    func problems() {
        var wrong = Self.guide
        wrong.materials = []
        wrong.steps = ["", "领卡"]
        wrong.fee = ""
        wrong.legalBasis = String(repeating: "法", count: 301)
        #expect(wrong.problems.count == 4, "\(wrong.problems)")
        #expect(wrong.problems.allSatisfy { $0.english.hasPrefix("card-application: ") })
        #expect(wrong.problems.allSatisfy { $0.chinese.hasPrefix("社会保障卡申领：") })
    }
}

@Suite("A policy notice: shown between its days, checked before it is published")
struct PolicyNoticeTests {
    @Test("shown on its first and last day and between; every problem said")
    func daysAndProblems() {
        let notice = PolicyNotice(
            id: "2026-pension", title: "缴费通知", body: "正文", from: "2026-01-01", until: "2026-12-31")
        #expect(notice.problems.isEmpty)
        #expect(notice.isShown(on: "2026-01-01") && notice.isShown(on: "2026-12-31"))
        #expect(!notice.isShown(on: "2025-12-31") && !notice.isShown(on: "2027-01-01"))
        let wrong = PolicyNotice(id: "a b", title: "", body: "正文", from: "2026-12-31", until: "2026-01-01")
        #expect(wrong.problems.count == 3, "\(wrong.problems)")
        let notADay = PolicyNotice(id: "n", title: "t", body: "b", from: "2026-02-30", until: "2026-03-01")
        #expect(notADay.problems.count == 1)
    }
}
