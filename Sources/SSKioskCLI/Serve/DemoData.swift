import CardSimulator
import Foundation
import KioskCore
import Logging
import SocialSecurityCard
import Vocabulary

/// Synthetic demo data for a fresh terminal on the rig: a small township, the rig's resident (the
/// person on the simulated card in slot 0) with their records, a retiree with a card of their own
/// (seed 6), the year's list of retirees due for their check, three people on the employment
/// register (one past the promise's ten working days), and one account per staff role. Demo
/// passwords are printed, and are for the rig only.
enum DemoData {
    static let township = "430102001"
    static let staff: [(id: String, name: String, role: Role)] = [
        ("clerk1", "经办员甲", .clerk), ("clerk2", "经办员乙", .clerk), ("supervisor1", "主管", .supervisor),
        ("technician1", "技术员", .technician), ("auditor1", "审计员", .auditor),
    ]
    static let password = "demo-password"

    static func load(into store: any KioskStore, logger: Logger) async throws {
        let resident = try SyntheticCard(seed: 1)
        let region = resident.cardholder.socialSecurityNumber.regionCode
        let jurisdiction = try Jurisdiction(String(region.prefix(6)))
        try await store.setTerminal(
            TerminalIdentity(terminalID: "T-DEMO", jurisdiction: jurisdiction, name: "演示乡镇服务大厅"))
        var retirees: Set<String> = []
        var people: [Person] = []
        for page in SyntheticTownship(
            seed: 1, regionCode: region.prefix(6) + "001", people: 500, months: 36, lastMonth: YearMonth("2026-10")!)
        {
            try await store.applyReferenceData(page)
            retirees.formUnion(page.pensionPayments.filter { $0.month >= YearMonth("2025-01")! }.map(\.idNumber))
            people += page.people
        }
        try await store.applyReferenceData(residentPage(resident, region: region.prefix(6) + "001001"))
        let retiree = try SyntheticCard(seed: 6)
        try await store.applyReferenceData(retireePage(retiree, region: region.prefix(6) + "001002"))
        retirees.insert(retiree.cardholder.socialSecurityNumber.unmaskedValue)
        try await store.applyReferenceData(yearsChecks(of: retirees, at: Date()))
        let working = people.filter { !retirees.contains($0.idNumber) }.prefix(3).map(\.idNumber)
        try await store.applyReferenceData(
            ReferenceDataPage(
                jobSeekers: jobSeekers(working, calendar: try await store.workingCalendar(), at: Date()),
                cursor: "demo-jobseekers", asOf: Date()))
        try await store.applyReferenceData(
            ReferenceDataPage(
                disputes: try disputes(
                    people.filter { !retirees.contains($0.idNumber) }.dropFirst(3).prefix(3).map { $0 },
                    in: jurisdiction.regionPrefix, calendar: try await store.workingCalendar(), at: Date()),
                cursor: "demo-disputes", asOf: Date()))
        try await store.applyReferenceData(
            ReferenceDataPage(serviceGuides: guides, notices: notices(at: Date()), cursor: "demo-guides", asOf: Date()))
        try await addStaff(into: store, jurisdiction: jurisdiction, logger: logger)
    }

    /// One account per role for `jurisdiction`, those not there yet, with the demo password and no
    /// forced change (the rig's tests and demonstrations sign in with it as it is).
    static func addStaff(into store: any KioskStore, jurisdiction: Jurisdiction, logger: Logger) async throws {
        for member in staff where try await store.staff(member.id) == nil {
            try await store.addStaff(
                StaffAccount(
                    member: StaffMember(
                        id: member.id, name: member.name, role: member.role, jurisdiction: jurisdiction),
                    password: try PasswordHash(hashing: password), mustChangePassword: false, isDisabled: false),
                by: .administrator(account: "demo"), at: Date())
        }
        logger.info(
            "demo staff ready",
            metadata: [
                "jurisdiction": "\(jurisdiction)", "staff": "\(staff.map(\.id).joined(separator: ","))",
                "password": "\(password)",
            ]
        )
    }

    /// The rig resident's own records: a villager in the residents' pension and medical schemes since
    /// 2020, paying once a year in March (a 500-yuan pension grade with its 60-yuan subsidy, and the
    /// year's medical premium), as most people a village kiosk serves.
    private static func residentPage(_ card: SyntheticCard, region: String) -> ReferenceDataPage {
        let (person, record) = holder(of: card, in: region)
        let id = person.idNumber
        let since = YearMonth("2020-01")!
        let enrolments = [InsuranceType.residentPension, .residentMedical].map {
            Enrolment(idNumber: id, insurance: $0, since: since, status: .active, unit: "个人")
        }
        var contributions: [Contribution] = []
        for year in 2020...2026 {
            let march = YearMonth(year: year, month: 3)!
            contributions.append(
                Contribution(
                    idNumber: id, insurance: .residentPension, month: march, baseFen: 0, personalFen: 50_000,
                    employerFen: 6_000, paid: true))
            contributions.append(
                Contribution(
                    idNumber: id, insurance: .residentMedical, month: march, baseFen: 0,
                    personalFen: Int64(280 + 20 * (year - 2020)) * 100, employerFen: 0, paid: true))
        }
        return ReferenceDataPage(
            people: [person], enrolments: enrolments, contributions: contributions, cardRecords: [record],
            cursor: "demo-resident", asOf: Date())
    }

    /// The rig's retiree: retired from a unit in January 2020, paid an employees' pension each month
    /// since, and holding an active card (seed 6).
    private static func retireePage(_ card: SyntheticCard, region: String) -> ReferenceDataPage {
        let (person, record) = holder(of: card, in: region)
        let id = person.idNumber
        let first = YearMonth("2020-02")!
        let payments = (0...(YearMonth("2026-10")!.index - first.index)).map {
            PensionPayment(
                idNumber: id, month: first.adding(months: $0), amountFen: 312_000, accountMasked: "6217****4321")
        }
        return ReferenceDataPage(
            people: [person],
            enrolments: [
                Enrolment(
                    idNumber: id, insurance: .enterprisePension, since: YearMonth("1992-07")!, status: .terminated,
                    unit: "长沙纺织厂")
            ],
            pensionPayments: payments, cardRecords: [record], cursor: "demo-retiree", asOf: Date())
    }

    /// Guides of three services as a county would publish them.
    static let guides = [
        ServiceGuide(
            kind: .cardApplication, materials: ["居民身份证原件", "近期免冠彩色证件照一张（可在柜台现场拍摄）"],
            steps: ["到乡镇（街道）便民服务中心窗口提交申请", "工作人员核验身份并采集照片", "制卡完成后凭短信通知到窗口领卡并激活"],
            fee: "首次申领不收费", legalBasis: "《社会保障卡管理办法》（人社部发〔2011〕47号）"),
        ServiceGuide(
            kind: .residentPensionEnrolment, materials: ["居民身份证或户口簿", "本人社会保障卡或银行账户信息"],
            steps: ["到村（社区）服务点或乡镇窗口填写参保登记表", "选择缴费档次", "乡镇审核后录入，次月起可缴费"],
            fee: "不收费", legalBasis: "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）"),
        ServiceGuide(
            kind: .unemploymentRegistration, materials: ["居民身份证", "与原单位解除或终止劳动关系的证明"],
            steps: ["在自助机或窗口提交失业登记", "工作人员当场核验并登记", "领取就业服务指引，按月接受就业服务"],
            fee: "不收费", legalBasis: "《就业服务与就业管理规定》（劳动和社会保障部令第28号）"),
    ]

    /// A notice shown from the start of this year to its end.
    private static func notices(at now: Date) -> [PolicyNotice] {
        let year = WorkingCalendar.china.component(.year, from: now)
        return [
            PolicyNotice(
                id: "\(year)-resident-pension-contribution", title: "关于\(year)年度城乡居民养老保险缴费的通知",
                body: "本年度城乡居民养老保险集中缴费期为1月1日至12月31日。参保人可选择缴费档次，政府按档次给予补贴。"
                    + "可持社会保障卡在自助机查询缴费记录，或到乡镇（街道）便民服务中心咨询。",
                from: "\(year)-01-01", until: "\(year)-12-31")
        ]
    }

    /// This year's qualification checks of `retirees`, due by the year's last day, as the centre
    /// publishes them.
    private static func yearsChecks(of retirees: Set<String>, at now: Date) -> ReferenceDataPage {
        let calendar = WorkingCalendar.china
        let year = calendar.component(.year, from: now)
        let dueBy = calendar.date(
            from: DateComponents(year: year, month: 12, day: 31, hour: 23, minute: 59, second: 59))!
        return ReferenceDataPage(
            retireeChecks: retirees.sorted().map { RetireeCheck(idNumber: $0, year: year, dueBy: dueBy) },
            cursor: "demo-retirees", asOf: now)
    }

    /// Registrations of the employment register as the centre would send them: one registered four
    /// weeks ago and still without a job (the promise late), one registered two days ago, one who
    /// found work in time.
    private static func jobSeekers(_ idNumbers: [String], calendar: WorkingCalendar, at now: Date) -> [JobSeeker] {
        let ago: [(days: Double, reason: JobSeekerRegistration.UnemploymentReason)] = [
            (28, .contractEnded), (2, .returnedHome), (40, .employerClosed),
        ]
        return zip(idNumbers, ago).enumerated().map { index, pair in
            let (idNumber, (days, reason)) = pair
            let at = now.addingTimeInterval(-days * 86400)
            var jobSeeker = JobSeeker(
                id: "DEMO-J\(index + 1)", idNumber: idNumber,
                registration: JobSeekerRegistration(
                    category: .registeredUnemployed, reason: reason,
                    lastEmployer: reason == .returnedHome ? nil : "演示机械制造有限公司",
                    wantsJob: true, zeroEmploymentFamily: index == 1, by: "clerk1", at: at,
                    promiseDue: calendar.endOfWorkingDay(JobSeekerRegistration.promisedWorkingDays, after: at)))
            if index == 2 {
                jobSeeker.closing = JobSeekerClosing(
                    reason: .employed, employer: "演示物流有限公司", by: "clerk1", at: at.addingTimeInterval(6 * 86400))
            }
            return jobSeeker
        }
    }

    /// Labour disputes as the centre would send them: a wage claim taken a week ago and still not
    /// decided (late), one accepted with a session behind it, one settled by agreement.
    private static func disputes(_ workers: [Person], in region: String, calendar: WorkingCalendar, at now: Date)
        throws -> [LabourDispute]
    {
        let cases: [(days: Double, category: LabourDispute.Category, employer: String)] = [
            (7, .unpaidWages, "演示建筑劳务有限公司"), (4, .contractTermination, "演示食品加工厂"), (20, .overtime, "演示服装有限公司"),
        ]
        return try zip(workers, cases).enumerated().map { index, pair in
            let (worker, (days, category, employer)) = pair
            let at = now.addingTimeInterval(-days * 86400)
            var dispute = LabourDispute(
                id: "DEMO-D\(index + 1)", kind: .mediation, regionCode: region, idNumber: worker.idNumber,
                name: worker.name, phone: nil,
                employer: DisputeEmployer(name: employer, creditCode: nil, address: nil, contact: nil),
                category: category, claimedYuan: 6_000 * (index + 1), facts: "\(category.chineseName)，请求依法处理",
                receivedAt: at, receivedBy: "clerk1",
                decideBy: calendar.endOfWorkingDay(LabourDispute.Kind.mediation.decisionWorkingDays, after: at))
            guard index > 0 else { return dispute }
            let accepted = at.addingTimeInterval(86400)
            try dispute.record(.decision(DisputeDecision(accepted: true, reason: nil, by: "clerk1", at: accepted)))
            try dispute.record(
                .session(
                    MediationSession(
                        day: WorkingCalendar.key(of: accepted), place: "调解室", attendees: "\(worker.name)；单位代表",
                        summary: "双方陈述意见", by: "clerk1", at: accepted)))
            if index == 2 {
                try dispute.record(
                    .outcome(
                        DisputeOutcome(
                            result: .agreement, terms: "单位一次性支付加班工资", agreedYuan: 12_000, performBy: nil,
                            by: "clerk1", at: accepted.addingTimeInterval(3 * 86400))))
            }
            return dispute
        }
    }

    /// The person on a rig card, living in `region`, and their card, active since March 2024.
    private static func holder(of card: SyntheticCard, in region: String) -> (Person, CardRecord) {
        let id = card.cardholder.socialSecurityNumber.unmaskedValue
        let person = Person(
            idNumber: id, name: card.cardholder.name, sex: card.cardholder.sex, birthDate: card.cardholder.birthDate,
            regionCode: region)
        let issued = Date(timeIntervalSince1970: 1_709_251_200)
        var record = CardRecord(
            cardNumber: card.identity.cardNumber.value, idNumber: id, requestedBy: "centre", at: issued)
        for status in [CardStatus.inProduction, .readyAtDesk, .issued, .active] {
            try? record.move(to: status, by: "centre", at: issued)
        }
        return (person, record)
    }
}
