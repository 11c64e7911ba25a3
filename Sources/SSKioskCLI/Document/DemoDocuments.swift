import Documents
import Foundation
import SocialSecurityCard
import Vocabulary

/// Synthetic documents for `document render --demo`: people from ``SyntheticIdentity`` (valid
/// numbers, made-up names), records invented around them. Nobody real.
struct DemoDocuments {
    private let identity: SyntheticIdentity
    private let language: DocumentLanguage
    private let issuedAt = Date()

    init(seed: UInt64, language: DocumentLanguage) {
        var generator = SyntheticIdentity.Generator(seed: seed, rareNames: false)
        identity = generator.next()
        self.language = language
    }

    private var person: DocumentHolder {
        DocumentHolder(name: identity.name, socialSecurityNumber: identity.idNumber.unmaskedValue, sex: identity.sex)
    }

    private var office: Office {
        let region = identity.idNumber.regionCode
        return Office(
            code: region + "-01", name: "\(identity.idNumber.provinceName)\(region)人力资源和社会保障局（演示）",
            englishName: "Human Resources and Social Security Bureau \(region) (demo)")
    }

    private func issuance(_ sequence: Int, validForDays days: Int? = nil) -> DocumentIssuance {
        let today = CalendarDate(issuedAt)
        return DocumentIssuance(
            serialNumber: "DEMO-\(identity.idNumber.regionCode)-\(String(sequence + 100_000).dropFirst())",
            office: office, issuedAt: issuedAt,
            validUntil: days.map { CalendarDate(issuedAt.addingTimeInterval(Double($0) * 86_400)) } ?? today)
    }

    private var thisMonth: YearMonth {
        let today = CalendarDate(issuedAt)
        return YearMonth(year: today.year, month: today.month)!
    }

    private func month(_ offset: Int) -> YearMonth {
        var month = YearMonth(year: thisMonth.year - 30, month: thisMonth.month)!
        for _ in 0..<offset { month = month.next }
        return month
    }

    func proofOfInsurance() -> ProofOfInsurance {
        let employer = "演示机械制造有限公司"
        let last = month(359)
        return ProofOfInsurance(
            person: person,
            enrolments: [
                EnrolmentLine(
                    insurance: .enterprisePension, status: .contributing, since: month(240), paidUntil: last,
                    monthsPaid: 120, employer: employer),
                EnrolmentLine(
                    insurance: .employeeMedical, status: .contributing, since: month(240), paidUntil: last,
                    monthsPaid: 120, employer: employer),
                EnrolmentLine(
                    insurance: .unemployment, status: .contributing, since: month(252), paidUntil: last,
                    monthsPaid: 108, employer: employer),
                EnrolmentLine(
                    insurance: .workInjury, status: .contributing, since: month(252), paidUntil: last,
                    monthsPaid: 108, employer: employer),
            ],
            issuance: issuance(1, validForDays: 90), language: language)
    }

    func contributionStatement(months: Int) -> ContributionStatement {
        let first = month(max(0, 360 - months))
        let records = ContributionRecord.synthetic(from: first, months: months) {
            Money(yuan: 4_500 + Int64($0 / 12) * 180)
        }
        let last = months > 0 ? records[records.count - 1].month : first
        return ContributionStatement(
            person: person, period: first...last, records: records, issuance: issuance(2), language: language)
    }

    func registrationCertificate() -> RegistrationCertificate {
        let place = "\(identity.idNumber.provinceName)（演示）"
        return RegistrationCertificate(
            person: person, registrationNumber: identity.idNumber.regionCode + "0000012345", residence: place,
            status: .unemployed,
            records: [
                RegistrationRecord(
                    kind: .employment, date: CalendarDate(issuedAt.addingTimeInterval(-3_000 * 86_400)),
                    detail: "演示机械制造有限公司", office: "演示就业服务中心"),
                RegistrationRecord(
                    kind: .employmentEnded, date: CalendarDate(issuedAt.addingTimeInterval(-60 * 86_400)),
                    detail: "劳动合同期满终止", office: "演示就业服务中心"),
                RegistrationRecord(
                    kind: .unemployment, date: CalendarDate(issuedAt.addingTimeInterval(-50 * 86_400)),
                    detail: "合同到期未续签，有就业意愿", office: "演示街道社区服务中心"),
            ],
            issuance: issuance(3, validForDays: 90), language: language)
    }

    private var dispute: DisputeCase {
        DisputeCase(
            number: "T-DEMO-D12", applicant: person, employer: "演示建筑劳务有限公司",
            employerDetails: "91430121MA4L0X1234；演示县工业园3号", matter: "拖欠劳动报酬",
            facts: "申请人于演示工地务工，今年六月至八月工资未发，请求支付拖欠工资18,000元。",
            receivedOn: CalendarDate(issuedAt.addingTimeInterval(-10 * 86_400)))
    }

    func disputeNotice() -> DisputeNotice {
        DisputeNotice(
            dispute: dispute, decision: .accepted(settleBy: CalendarDate(issuedAt.addingTimeInterval(5 * 86_400))),
            issuance: issuance(6), language: language)
    }

    func mediationAgreement() -> MediationAgreement {
        MediationAgreement(
            dispute: dispute, terms: "被申请人于本月底前一次性支付申请人拖欠工资18,000元，申请人不再就此事项主张其他权利。",
            amount: Money(yuan: 18_000), performBy: CalendarDate(issuedAt.addingTimeInterval(20 * 86_400)),
            mediator: "调解员甲", issuance: issuance(7), language: language)
    }

    func applicationReceipt(_ format: ApplicationReceipt.Format) -> ApplicationReceipt {
        ApplicationReceipt(
            applicationNumber: "SB-DEMO-0042", service: "社会保障卡申领", applicant: person, receivedAt: issuedAt,
            materials: ["居民身份证原件及复印件", "近期免冠彩色证件照", "社会保障卡申领登记表"],
            promisedBy: CalendarDate(issuedAt.addingTimeInterval(14 * 86_400)), collection: "本服务中心窗口领取",
            receivedBy: "演示窗口 01", contactPhone: "12333", issuance: issuance(4), format: format)
    }

    func cardFace(photo: [UInt8]?) -> CardFace {
        CardFace(
            name: identity.name, socialSecurityNumber: identity.idNumber.unmaskedValue,
            cardNumber: identity.cardNumber.value, issueDate: CalendarDate(issuedAt),
            region: identity.idNumber.provinceName, photo: photo)
    }

    func dailyLedger(entries: Int) -> BusinessRegister {
        var generator = SyntheticIdentity.Generator(seed: 1_000, rareNames: false)
        let services = ["社会保障卡申领", "社会保障卡挂失", "参保证明打印", "失业登记", "城乡居民养老保险参保登记"]
        let outcomes: [LedgerLine.Outcome] = [.completed, .completed, .accepted, .completed, .returned]
        let start = issuedAt.addingTimeInterval(-Double(entries) * 600)
        let list = (0..<entries).map { index in
            let someone = generator.next()
            return LedgerLine(
                time: start.addingTimeInterval(Double(index) * 600), serialNumber: "DEMO-\(100_000 + index)",
                service: services[index % services.count],
                applicant: DocumentHolder(name: someone.name, socialSecurityNumber: someone.idNumber.unmaskedValue),
                outcome: outcomes[index % outcomes.count], clerk: "演示",
                note: outcomes[index % outcomes.count] == .returned ? "材料不全，已告知补正" : "")
        }
        return BusinessRegister(desk: "演示窗口 01", date: CalendarDate(issuedAt), entries: list, issuance: issuance(5))
    }
}
