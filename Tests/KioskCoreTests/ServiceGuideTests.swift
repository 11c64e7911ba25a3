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
        #expect(wrong.problems.allSatisfy { $0.hasPrefix("card-application: ") })
    }
}
