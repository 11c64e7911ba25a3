/// A desk's register of business (业务台账): every application of a day or a month, or of one
/// service in it, with who took it, who handled it, when it was done and whether in time, for the
/// supervisor's check and the office's records. The printout is signed like a certificate, so the
/// paper can be matched with the electronic ledger.
public struct BusinessRegister: DocumentSource {
    /// The desk or kiosk (窗口 / 终端编号).
    public var desk: String
    public var period: Period
    /// The one service it lists (事项台账); nil for all.
    public var service: String?
    public var entries: [LedgerLine]
    public var issuance: DocumentIssuance

    /// What the register covers.
    public enum Period: Hashable, Sendable {
        /// 日台账
        case day(CalendarDate)
        /// 月台账
        case month(year: Int, month: Int)
    }

    public init(
        desk: String, period: Period, service: String? = nil, entries: [LedgerLine], issuance: DocumentIssuance
    ) {
        self.desk = desk
        self.period = period
        self.service = service
        self.entries = entries
        self.issuance = issuance
    }

    /// A day's register of every service.
    public init(desk: String, date: CalendarDate, entries: [LedgerLine], issuance: DocumentIssuance) {
        self.init(desk: desk, period: .day(date), entries: entries, issuance: issuance)
    }

    public var template: DocumentTemplate { .businessRegister }

    /// The common `issue.*` and `office.*` values, and `ledger.desk`, `ledger.date` (the period),
    /// `ledger.title`, `ledger.service`, `ledger.count`, `ledger.summary`; table `entries` with columns
    /// `index`, `time`, `serial`, `service`, `name`, `number` (masked), `outcome`, `clerk`, `owner`,
    /// `done`, `note`, in time order. A month's times carry their day.
    public func content() throws -> DocumentContent {
        let monthly = if case .month = period { true } else { false }
        let rows = entries.sorted { $0.time < $1.time }.enumerated().map { index, entry -> TableRow in
            [
                "index": .text(String(index + 1)),
                "time": .text(monthly ? ChinaTime.dayAndTime(of: entry.time) : ChinaTime.time(of: entry.time)),
                "serial": .text(entry.serialNumber),
                "service": .text(entry.service),
                "name": .text(entry.applicant.name),
                "number": .text(entry.applicant.maskedNumber),
                "outcome": .text(entry.outcome.name),
                "clerk": .text(entry.clerk),
                "owner": .text(entry.owner),
                "done": .text(entry.completedAt.map(ChinaTime.dayAndTime(of:)) ?? ""),
                "note": .text(entry.note),
            ]
        }
        let counts = LedgerLine.Outcome.allCases.compactMap { outcome -> String? in
            let count = entries.filter { $0.outcome == outcome }.count
            return count == 0 ? nil : "\(outcome.name) \(count) 笔"
        }
        var values = CommonValues.issuance(issuance, .chinese)
        values["ledger.desk"] = desk
        values["ledger.date"] = periodText
        values["ledger.title"] = (monthly ? "窗口业务月台账" : "窗口业务日台账") + (service.map { "（\($0)）" } ?? "")
        values["ledger.service"] = service ?? "全部事项"
        values["ledger.count"] = String(entries.count)
        values["ledger.summary"] = "共 \(entries.count) 笔" + (counts.isEmpty ? "" : "：" + counts.joined(separator: "，"))
        var facts = ["desk": desk, "date": periodCode, "n": String(entries.count)]
        if let service { facts["service"] = service }
        return DocumentContent(
            values: values, tables: ["entries": rows],
            verification: VerificationSubject(kind: .dailyLedger, issuance: issuance, facts: facts))
    }

    private var periodText: String {
        switch period {
        case .day(let date): date.formatted(.chinese)
        case .month(let year, let month): "\(year)年\(month)月"
        }
    }

    private var periodCode: String {
        switch period {
        case .day(let date): date.compact
        case .month(let year, let month): String(format: "%04d%02d", year, month)
        }
    }
}
