import Foundation
import SocialSecurityCard
import Vocabulary

/// A made-up township's reference data as the centre would send it for a first load: people with
/// valid ID numbers living in its villages, their enrolments in the employees' or the residents' schemes, monthly
/// contributions, pension payments for retirees, their cards, and some job postings.
///
/// Deterministic from ``seed`` (the same pages on every machine and Swift version: all draws come
/// from ``SplitMix64``), and a sequence of pages made one at a time: a township of 50,000 people
/// has some 5 million contribution months, which never exist in memory together.
public struct SyntheticTownship: Sequence, Sendable {
    public var seed: UInt64
    /// The township's 9-digit region code; people live in its villages (12 digits).
    public var regionCode: String
    public var people: Int
    /// Months of history (contributions, payments), ending with ``lastMonth``.
    public var months: Int
    public var lastMonth: YearMonth
    /// People per page; each page carries their enrolments, contributions, payments and cards.
    public var pageSize: Int

    public init(seed: UInt64, regionCode: String, people: Int, months: Int, lastMonth: YearMonth, pageSize: Int = 500) {
        self.seed = seed
        self.regionCode = regionCode
        self.people = people
        self.months = months
        self.lastMonth = lastMonth
        self.pageSize = pageSize
    }

    /// The centre's time of the data: the first moment of the month after ``lastMonth``, Beijing time.
    public var asOf: Date {
        let calendar = WorkingCalendar.china
        let next = lastMonth.adding(months: 1)
        return calendar.date(from: DateComponents(year: next.year, month: next.month, day: 1))!
    }

    public func makeIterator() -> Pages { Pages(self, avoiding: NumbersTaken()) }

    /// The pages, giving no one an ID or card number in `taken`: the numbers the county's other
    /// townships handed out, since synthetic numbers can repeat across townships and the centre's
    /// cannot.
    public func pages(avoiding taken: NumbersTaken) -> Pages { Pages(self, avoiding: taken) }

    /// ID and card numbers handed out.
    public struct NumbersTaken: Sendable {
        var idNumbers: Set<String> = []
        var cardNumbers: Set<String> = []

        public init() {}
    }

    /// The pages, each made when asked for.
    public struct Pages: IteratorProtocol, Sendable {
        private let township: SyntheticTownship
        private var identities: SyntheticIdentity.Generator
        private var random: SplitMix64
        private var made = 0
        /// The numbers handed out so far, these pages' and those they were to avoid.
        public private(set) var taken: NumbersTaken

        init(_ township: SyntheticTownship, avoiding taken: NumbersTaken) {
            self.township = township
            self.taken = taken
            identities = SyntheticIdentity.Generator(
                seed: township.seed, rareNames: false, homeRegion: township.regionCode)
            random = SplitMix64(seed: township.seed ^ 0x5EED_7012_3456_789A)
        }

        public mutating func next() -> ReferenceDataPage? {
            guard made < township.people else { return nil }
            var page = ReferenceDataPage(cursor: "", asOf: township.asOf)
            if made == 0 { page.jobPostings = jobPostings() }
            for _ in 0..<Swift.min(township.pageSize, township.people - made) {
                addPerson(to: &page)
                made += 1
            }
            page.cursor = "synthetic:\(township.regionCode):\(made)"
            return page
        }

        // MARK: People

        private mutating func addPerson(to page: inout ReferenceDataPage) {
            var identity = identities.next()
            while taken.idNumbers.contains(identity.idNumber.unmaskedValue)
                || taken.cardNumbers.contains(identity.cardNumber.value)
            {
                identity = identities.next()
            }
            let idNumber = identity.idNumber.unmaskedValue
            taken.idNumbers.insert(idNumber)
            taken.cardNumbers.insert(identity.cardNumber.value)

            let villages = Swift.max(1, Swift.min(999, township.people / 2000))
            page.people.append(
                Person(
                    idNumber: idNumber, name: identity.name, sex: identity.sex, birthDate: identity.birthDate,
                    regionCode: township.regionCode + (1 + random.below(villages)).padded(3),
                    phone: random.below(10) < 8 ? mobileNumber() : nil))

            let born = YearMonth(year: identity.birthDate.year, month: identity.birthDate.month)!
            let retirement = born.adding(months: (identity.sex == .male ? 60 : 55) * 12)
            let working = born.adding(months: 18 * 12 + random.below(60))
            // Shares of a rural township: about a quarter employed with a unit (the five employees'
            // schemes), one in ten flexibly employed (employees' pension and medical, paid alone), the rest
            // village residents in the residents' pension and medical schemes.
            switch random.below(100) {
            case 0..<25:
                let since = working.adding(months: random.below(60))
                addInsured(
                    idNumber, since: since, retirement: retirement, unit: Self.units[random.below(Self.units.count)],
                    rates: Self.employeeRates, page: &page)
                addPension(idNumber, from: retirement, yuan: 2500 + random.below(3501), page: &page)
            case 25..<35:
                let since = working.adding(months: 12 + random.below(120))
                addInsured(
                    idNumber, since: since, retirement: retirement, unit: "个人", rates: Self.flexibleRates, page: &page)
                addPension(idNumber, from: retirement, yuan: 1800 + random.below(1701), page: &page)
            default:
                addResident(idNumber, working: working, page: &page)
                addPension(idNumber, from: born.adding(months: 60 * 12), yuan: 150 + random.below(251), page: &page)
            }
            page.cardRecords.append(card(identity))
        }

        /// A job with its unit from `since` until it ends or the person retires: the enrolments, and a
        /// contribution for every month of the history covered.
        private mutating func addInsured(
            _ idNumber: String, since: YearMonth, retirement: YearMonth, unit: String,
            rates: [(insurance: InsuranceType, personal: Int64, employer: Int64)], page: inout ReferenceDataPage
        ) {
            guard since < township.lastMonth, since < retirement else { return }
            let lastCovered = Swift.min(township.lastMonth, retirement.adding(months: -1))
            // Three in four keep the job to the end; the others leave it in some month before.
            let leaves = random.below(4) == 0
            let until = leaves ? since.adding(months: random.below(lastCovered.index - since.index + 1)) : lastCovered
            let ended = leaves || until < township.lastMonth
            // Some of those still insured have stopped paying for a few months (暂停缴费).
            let suspendedMonths = !ended && random.below(20) == 0 ? 1 + random.below(6) : 0
            for (insurance, _, _) in rates {
                page.enrolments.append(
                    Enrolment(
                        idNumber: idNumber, insurance: insurance, since: since, until: ended ? until : nil,
                        status: ended ? .terminated : suspendedMonths > 0 ? .suspended : .active, unit: unit))
            }

            let first = Swift.max(since, township.firstMonth)
            let last = until.adding(months: -suspendedMonths)
            guard first <= last else { return }
            var baseFen = Int64(3000 + random.below(9001)) * 100
            for index in first.index...last.index {
                let month = YearMonth(index: index)
                // Bases are reset each July; they rise with average wages.
                if month.month == 7, index != first.index { baseFen = baseFen * 105 / 100 }
                let paid = month == township.lastMonth ? random.below(10) < 7 : random.below(200) != 0
                for rate in rates {
                    page.contributions.append(
                        Contribution(
                            idNumber: idNumber, insurance: rate.insurance, month: month, baseFen: baseFen,
                            personalFen: Self.share(of: baseFen, perMille: rate.personal),
                            employerFen: Self.share(of: baseFen, perMille: rate.employer), paid: paid))
                }
            }
        }

        /// Urban and rural residents' pension and medical insurance, paid once a year (in March here)
        /// at a grade the person picks, until the age of 60.
        private mutating func addResident(_ idNumber: String, working: YearMonth, page: inout ReferenceDataPage) {
            let since = working.adding(months: random.below(24))
            guard since <= township.lastMonth else { return }
            for insurance in [InsuranceType.residentPension, .residentMedical] {
                page.enrolments.append(
                    Enrolment(idNumber: idNumber, insurance: insurance, since: since, status: .active, unit: "个人"))
            }
            let grade = random.below(Self.residentPensionGrades.count)
            for index in Swift.max(since, township.firstMonth).index...township.lastMonth.index
            where YearMonth(index: index).month == 3 {
                let month = YearMonth(index: index)
                // Working age only: at 60 the person draws the resident pension instead.
                guard month < working.adding(months: (60 - 18) * 12) else { break }
                let pension = Self.residentPensionGrades[grade]
                page.contributions.append(
                    Contribution(
                        idNumber: idNumber, insurance: .residentPension, month: month, baseFen: 0,
                        personalFen: pension.personal * 100, employerFen: pension.subsidy * 100, paid: true))
                // The resident medical premium has risen by about 20 yuan a year (180 yuan in 2015).
                let medicalYuan = Int64(Swift.min(400, Swift.max(180, 180 + 20 * (month.year - 2015))))
                page.contributions.append(
                    Contribution(
                        idNumber: idNumber, insurance: .residentMedical, month: month, baseFen: 0,
                        personalFen: medicalYuan * 100, employerFen: 0, paid: true))
            }
        }

        /// A monthly pension from `from` to the end of the history, rising 5% each January.
        private mutating func addPension(
            _ idNumber: String, from: YearMonth, yuan: Int, page: inout ReferenceDataPage
        ) {
            guard from <= township.lastMonth else { return }
            let account = "6217" + String(repeating: "*", count: 11) + random.below(10_000).padded(4)
            var amountFen = Int64(yuan) * 100
            for index in Swift.max(from, township.firstMonth).index...township.lastMonth.index {
                let month = YearMonth(index: index)
                if month.month == 1, index != from.index { amountFen = amountFen * 105 / 100 }
                page.pensionPayments.append(
                    PensionPayment(idNumber: idNumber, month: month, amountFen: amountFen, accountMasked: account))
            }
        }

        /// The person's card, made by the centre and issued some time in the last eight years; most
        /// are in use, a few were reported lost or are waiting at a desk.
        private mutating func card(_ identity: SyntheticIdentity) -> CardRecord {
            let applied = township.asOf.addingTimeInterval(-Double(30 + random.below(8 * 365)) * 86_400)
            var card = CardRecord(
                cardNumber: identity.cardNumber.value, idNumber: identity.idNumber.unmaskedValue,
                requestedBy: "centre", at: applied)
            let draw = random.below(100)
            let path: [CardStatus] =
                switch draw {
                case 0..<2: [.inProduction, .readyAtDesk]
                case 2..<5: [.inProduction, .readyAtDesk, .issued, .active, .lost]
                case 5..<10: [.inProduction, .readyAtDesk, .issued]
                default: [.inProduction, .readyAtDesk, .issued, .active]
                }
            for (step, status) in path.enumerated() {
                // Every step of `path` follows the one before it, so no move can be refused.
                try! card.move(to: status, by: "centre", at: applied.addingTimeInterval(Double(step + 1) * 7 * 86_400))
            }
            return card
        }

        // MARK: The area

        private mutating func jobPostings() -> [JobPosting] {
            (0..<Swift.max(1, township.people / 500)).map { index in
                let from = Int64(2500 + random.below(5501))
                let posted = township.asOf.addingTimeInterval(-Double(1 + random.below(60)) * 86_400)
                let title = Self.jobTitles[random.below(Self.jobTitles.count)]
                return JobPosting(
                    id: "\(township.regionCode)-job-\(index + 1)",
                    title: title,
                    employer: Self.units[random.below(Self.units.count)],
                    regionCode: township.regionCode, place: "镇区",
                    kind: title == "保洁员" || title == "收银员" ? .partTime : .fullTime, skills: Self.jobSkills[title] ?? [],
                    monthlyWageFromFen: from * 100,
                    monthlyWageToFen: (from + Int64(500 + random.below(3501))) * 100,
                    postedOn: Self.day(posted),
                    contact: mobileNumber())
            }
        }

        private mutating func mobileNumber() -> String {
            "1" + ["3", "5", "7", "8", "9"][random.below(5)] + random.below(1_000_000_000).padded(9)
        }

        private static func day(_ date: Date) -> String {
            let calendar = WorkingCalendar.china
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return "\(parts.year!)-\(parts.month!.padded(2))-\(parts.day!.padded(2))"
        }

        /// `base × perMille / 1000`, rounded to the nearest fen.
        private static func share(of baseFen: Int64, perMille: Int64) -> Int64 { (baseFen * perMille + 500) / 1000 }

        /// Per mille of the base: the person's 8% pension, 2% medical and 0.5% unemployment; the
        /// employer's 16%, 8%, 0.5%, 0.4% work injury and 0.8% maternity.
        static let employeeRates: [(insurance: InsuranceType, personal: Int64, employer: Int64)] = [
            (.enterprisePension, 80, 160), (.employeeMedical, 20, 80), (.unemployment, 5, 5), (.workInjury, 0, 4),
            (.maternity, 0, 8),
        ]
        /// Flexible employment: the person pays both shares of pension (20%) and medical (8%) alone.
        static let flexibleRates: [(insurance: InsuranceType, personal: Int64, employer: Int64)] = [
            (.enterprisePension, 200, 0), (.employeeMedical, 80, 0),
        ]
        /// Yearly grades of the residents' pension in yuan, with the government's matching subsidy.
        static let residentPensionGrades: [(personal: Int64, subsidy: Int64)] = [
            (200, 30), (300, 40), (500, 60), (1000, 80), (2000, 100),
        ]
        static let units = [
            "湘江机械制造有限公司", "芙蓉商贸有限公司", "星城物流有限公司", "岳麓软件科技有限公司", "橘洲餐饮管理有限公司",
            "麓山建筑工程有限公司", "浏阳河食品有限公司", "长株潭物业服务有限公司", "湘绣文化传媒有限公司", "洞庭医药连锁有限公司",
        ]
        /// What each of ``jobTitles`` asks for.
        static let jobSkills: [String: [String]] = [
            "电工": ["电工证"], "焊工": ["电焊"], "厨师": ["烹饪"], "快递员": ["驾驶C1"], "会计": ["会计", "电脑操作"],
            "护理员": ["护理"], "叉车司机": ["叉车"], "软件测试员": ["电脑操作"], "仓库管理员": ["电脑操作"],
        ]

        static let jobTitles = [
            "仓库管理员", "电工", "收银员", "保洁员", "焊工", "客服专员", "厨师", "快递员", "会计", "护理员", "叉车司机",
            "软件测试员",
        ]
    }
}

extension SyntheticTownship {
    /// The first month of the history.
    var firstMonth: YearMonth { lastMonth.adding(months: 1 - months) }
}

extension Int {
    fileprivate func padded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
