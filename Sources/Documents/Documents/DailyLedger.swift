/// A desk's daily ledger (台账): every business of the day with its outcome, for the supervisor's
/// end-of-day check and the office's records. The printout is signed like a certificate, so the
/// paper can be matched with the electronic ledger.
public struct DailyLedger: DocumentSource {
    /// The desk or kiosk (窗口 / 终端编号).
    public var desk: String
    public var date: CalendarDate
    public var entries: [LedgerLine]
    public var issuance: DocumentIssuance

    public init(desk: String, date: CalendarDate, entries: [LedgerLine], issuance: DocumentIssuance) {
        self.desk = desk
        self.date = date
        self.entries = entries
        self.issuance = issuance
    }

    public var template: DocumentTemplate { .dailyLedger }

    /// The common `issue.*` and `office.*` values, and `ledger.desk`, `ledger.date`, `ledger.count`,
    /// `ledger.summary`; table `entries` with columns `index`, `time`, `serial`, `service`, `name`,
    /// `number` (masked), `outcome`, `clerk`, `note`, in time order.
    public func content() throws -> DocumentContent {
        let rows = entries.sorted { $0.time < $1.time }.enumerated().map { index, entry -> TableRow in
            [
                "index": .text(String(index + 1)),
                "time": .text(ChinaTime.time(of: entry.time)),
                "serial": .text(entry.serialNumber),
                "service": .text(entry.service),
                "name": .text(entry.applicant.name),
                "number": .text(entry.applicant.maskedNumber),
                "outcome": .text(entry.outcome.name),
                "clerk": .text(entry.clerk),
                "note": .text(entry.note),
            ]
        }
        let counts = LedgerLine.Outcome.allCases.map { outcome in
            "\(outcome.name) \(entries.filter { $0.outcome == outcome }.count) 笔"
        }
        var values = CommonValues.issuance(issuance, .chinese)
        values["ledger.desk"] = desk
        values["ledger.date"] = date.formatted(.chinese)
        values["ledger.count"] = String(entries.count)
        values["ledger.summary"] = "共 \(entries.count) 笔：" + counts.joined(separator: "，")
        return DocumentContent(
            values: values, tables: ["entries": rows],
            verification: VerificationSubject(
                kind: .dailyLedger, issuance: issuance,
                facts: ["desk": desk, "date": date.compact, "n": String(entries.count)]))
    }
}
