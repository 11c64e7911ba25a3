import Foundation
import KioskCore
import Testing

@Suite("Labour disputes and petitions: taken, decided and settled within limits on the hall's calendar, 首问负责")
struct DisputeAPITests {
    static func intake(_ idNumber: String, kind: String = "mediation", name: String = "王五") -> String {
        #"{"kind":"\#(kind)","idNumber":"\#(idNumber)","name":"\#(name)","phone":"13812345678","employer":"长沙某建筑劳务有限公司","creditCode":"91430121MA4L0X1234","category":"unpaid-wages","claimedYuan":18000,"facts":"2026年6月至8月工资未发，请求支付"}"#
    }

    @Test(
        "taken before National Day, the decision is due three working days on across the holiday; accepted late, mediated, extended once, handed over and settled by agreement"
    )
    func aMediationAcrossAHoliday() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try JobSeekerAPITests.move(terminal, to: "2026-09-29")
            var clerk = try await api.login("clerk1")
            let taken = try await api.call(
                .post, "/api/disputes", token: clerk, json: Self.intake(terminal.here.idNumber))
            #expect(taken.status == 201 && taken.body["state"] as? String == "awaiting-decision", "\(taken.text)")
            // 9-30, then 10-8 and 10-9 after the holiday: 2026-10-09 23:59:59 in China.
            #expect(taken.body["decideBy"] as? String == "2026-10-09T15:59:59Z", "\(taken.text)")
            #expect(taken.body["owner"] as? String == "clerk1" && !taken.text.contains(terminal.here.idNumber))
            let id = try #require(taken.body["id"] as? String)

            try JobSeekerAPITests.move(terminal, to: "2026-10-10")
            clerk = try await api.login("clerk1")
            let late = try await api.call(.get, "/api/disputes?filter=late", token: clerk)
            #expect(APIAnswer.lines(late.text)?.map { $0["id"] as? String } == [id], "\(late.text)")
            let review = try await api.call(.get, "/api/review", token: try await api.login("supervisor1"))
            let lateDisputes = try #require(review.body["lateDisputes"] as? [[String: Any]], "\(review.text)")
            #expect(lateDisputes.map { $0["owner"] as? String } == ["clerk1"] && !review.text.contains("王五"))
            let notTheirs = try await api.call(
                .post, "/api/disputes/\(id)/decision", token: try await api.login("clerk2"), json: #"{"accepted":true}"#
            )
            #expect(
                notTheirs.status == 403 && notTheirs.body["code"] as? String == "not-case-owner", "\(notTheirs.text)")
            let accepted = try await api.call(
                .post, "/api/disputes/\(id)/decision", token: clerk, json: #"{"accepted":true}"#)
            // Fifteen days from the application's receipt: 2026-10-14 23:59:59 in China.
            #expect(
                accepted.body["settleBy"] as? String == "2026-10-14T15:59:59Z"
                    && accepted.body["state"] as? String == "in-mediation", "\(accepted.text)")
            let twice = try await api.call(
                .post, "/api/disputes/\(id)/decision", token: clerk, json: #"{"accepted":false,"reason":"x"}"#)
            #expect(twice.status == 409 && twice.body["code"] as? String == "dispute-decided")

            let tomorrow = try await api.call(
                .post, "/api/disputes/\(id)/session", token: clerk,
                json: #"{"day":"2026-10-11","attendees":"王五；公司代表","summary":"x"}"#)
            #expect(tomorrow.status == 422, "a session is not recorded ahead: \(tomorrow.text)")
            let beforeIt = try await api.call(
                .post, "/api/disputes/\(id)/session", token: clerk,
                json: #"{"day":"2026-09-28","attendees":"王五；公司代表","summary":"x"}"#)
            #expect(beforeIt.body["code"] as? String == "invalid-day", "nor before the case was received")
            let session = try await api.call(
                .post, "/api/disputes/\(id)/session", token: try await api.login("supervisor1"),
                json: #"{"day":"2026-10-10","place":"镇调解室","attendees":"王五；公司代表李某","summary":"公司承认欠薪，分歧在支付期限"}"#)
            #expect((session.body["sessions"] as? [Any])?.count == 1, "a supervisor may act: \(session.text)")
            let extended = try await api.call(.post, "/api/disputes/\(id)/extension", token: clerk)
            #expect(extended.body["settleBy"] as? String == "2026-10-29T15:59:59Z", "\(extended.text)")
            let again = try await api.call(.post, "/api/disputes/\(id)/extension", token: clerk)
            #expect(again.status == 409 && again.body["code"] as? String == "dispute-extended")

            let handedOver = try await api.call(
                .post, "/api/disputes/\(id)/hand-over", token: clerk, json: #"{"to":"clerk2"}"#)
            #expect(
                handedOver.body["owner"] as? String == "clerk2" && handedOver.body["receivedBy"] as? String == "clerk1")
            let mine = try await api.call(.get, "/api/disputes?filter=mine", token: try await api.login("clerk2"))
            #expect(APIAnswer.lines(mine.text)?.map { $0["id"] as? String } == [id], "\(mine.text)")
            let formerOwner = try await api.call(
                .post, "/api/disputes/\(id)/outcome", token: clerk, json: #"{"result":"withdrawn","terms":"x"}"#)
            #expect(formerOwner.body["code"] as? String == "not-case-owner", "\(formerOwner.text)")

            let owner = try await api.login("clerk2")
            let answered = try await api.call(
                .post, "/api/disputes/\(id)/outcome", token: owner, json: #"{"result":"answered","terms":"x"}"#)
            #expect(
                answered.body["code"] as? String == "outcome-mismatch", "an answer ends a petition: \(answered.text)")
            let agreed = try await api.call(
                .post, "/api/disputes/\(id)/outcome", token: owner,
                json:
                    #"{"result":"agreement","terms":"公司于10月20日前一次性支付拖欠工资","agreedYuan":18000,"performBy":"2026-10-20"}"#
            )
            #expect(
                agreed.body["state"] as? String == "closed" && agreed.body["resultName"] as? String == "调解成功",
                "\(agreed.text)")
            let closed = try await api.call(
                .post, "/api/disputes/\(id)/session", token: owner,
                json: #"{"day":"2026-10-10","attendees":"x","summary":"x"}"#)
            #expect(closed.status == 409 && closed.body["code"] as? String == "dispute-closed")

            for (key, document, title) in [
                ("ma-1", "mediation-agreement", "调解协议书"), ("dn-1", "dispute-notice", "受理通知书"),
            ] {
                let printed = try await api.call(
                    .post, "/api/print", token: owner,
                    json: #"{"key":"\#(key)","document":"\#(document)","disputeId":"\#(id)"}"#)
                #expect(printed.status == 201, "\(printed.text)")
                #expect(terminal.printer.submissions.last?.document.title == title)
            }
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "dispute.entry" }
            #expect(sent.count == 6, "intake, decision, session, extension, hand-over, outcome")
            let ledger = try await terminal.store.ledger(about: .person(idNumber: terminal.here.idNumber))
            #expect(ledger.contains { $0.action == "dispute.outcome" && $0.detail == "id=\(id) result=agreement" })
            #expect(!ledger.contains { $0.detail.contains("工资") || $0.detail.contains("王五") })
        }
    }

    @Test(
        "refused: a bad ID number, a name outside GBK, a bad credit code, a clerk elsewhere, a refusal without reason")
    func refusals() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let number = terminal.here.idNumber
            let wrongCheck = String(number.dropLast()) + (number.hasSuffix("0") ? "1" : "0")
            let badNumber = try await api.call(.post, "/api/disputes", token: clerk, json: Self.intake(wrongCheck))
            #expect(badNumber.status == 422 && badNumber.body["code"] as? String == "invalid-id-number")
            #expect(!badNumber.text.contains(wrongCheck), "the number is not said back: \(badNumber.text)")
            let notGBK = try await api.call(
                .post, "/api/disputes", token: clerk, json: Self.intake(terminal.here.idNumber, name: "王😀"))
            #expect(notGBK.status == 422 && notGBK.body["code"] as? String == "invalid-name", "\(notGBK.text)")
            let badCode = try await api.call(
                .post, "/api/disputes", token: clerk,
                json: Self.intake(terminal.here.idNumber).replacingOccurrences(
                    of: "91430121MA4L0X1234", with: "91430121MA4L0X12IO"))
            #expect(badCode.body["code"] as? String == "invalid-credit-code", "\(badCode.text)")

            let petition = try await api.call(
                .post, "/api/disputes", token: clerk, json: Self.intake(terminal.here.idNumber, kind: "petition"))
            let id = try #require(petition.body["id"] as? String, "\(petition.text)")
            let elsewhere = try await api.login("clerk-elsewhere")
            let read = try await api.call(.get, "/api/disputes/\(id)", token: elsewhere)
            #expect(read.status == 403 && read.body["code"] as? String == "outside-jurisdiction")
            let theirs = try await api.call(.get, "/api/disputes?filter=all", token: elsewhere)
            #expect(APIAnswer.lines(theirs.text)?.isEmpty == true, "\(theirs.text)")
            let technician = try await api.call(
                .get, "/api/disputes?filter=all", token: try await api.login("technician1"))
            #expect(technician.status == 403)

            let noReason = try await api.call(
                .post, "/api/disputes/\(id)/decision", token: clerk, json: #"{"accepted":false}"#)
            #expect(noReason.status == 422 && noReason.body["code"] as? String == "invalid-reason", "\(noReason.text)")
            let agreementFirst = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"ma-x","document":"mediation-agreement","disputeId":"\#(id)"}"#)
            #expect(agreementFirst.body["code"] as? String == "no-agreement", "\(agreementFirst.text)")
            let noticeFirst = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"dn-x","document":"dispute-notice","disputeId":"\#(id)"}"#)
            #expect(noticeFirst.body["code"] as? String == "dispute-undecided", "\(noticeFirst.text)")
            let declined = try await api.call(
                .post, "/api/disputes/\(id)/decision", token: clerk,
                json: #"{"accepted":false,"reason":"已向县仲裁委申请仲裁，不属本机构受理范围"}"#)
            #expect(declined.body["state"] as? String == "declined", "\(declined.text)")
            let today = WorkingCalendar.key(of: terminal.clock.now())
            let session = try await api.call(
                .post, "/api/disputes/\(id)/session", token: clerk,
                json: #"{"day":"\#(today)","attendees":"x","summary":"x"}"#)
            #expect(session.status == 409 && session.body["code"] as? String == "dispute-closed", "\(session.text)")
            let notice = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"dn-y","document":"dispute-notice","disputeId":"\#(id)"}"#)
            #expect(notice.status == 201, "\(notice.text)")
            let open = try await api.call(.get, "/api/disputes", token: clerk)
            #expect(APIAnswer.lines(open.text)?.isEmpty == true, "a declined case is not open: \(open.text)")
        }
    }
}
