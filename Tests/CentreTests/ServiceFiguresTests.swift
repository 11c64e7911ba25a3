import Foundation
import KioskCore
import Testing
import Vocabulary

@testable import Centre

/// The county's monthly service figures from the applications themselves: what counts as received,
/// same-day, in time, overdue, refused and open, each group's rows and the CSV the offices exchange.
/// The applications go through the rollup's counts (``FigureCount``) and are summed here as the
/// store's query sums them (ConsoleAPITests read the same through both stores).
@Suite("Service figures for the county's performance review")
struct ServiceFiguresTests {
    static let month = YearMonth("2026-11")!
    /// 10:00 on Tuesday 3 November 2026 in China.
    static let received = ISO8601DateFormatter().date(from: "2026-11-03T02:00:00Z")!

    static func application(
        _ id: String, _ kind: ApplicationKind = .residentPensionEnrolment, region: String = "430121101001",
        by clerk: String = "clerk1", at submitted: Date = received, status: ApplicationStatus = .submitted,
        completedAfter hours: Double? = nil
    ) -> Application {
        Application(
            id: id, kind: kind, idNumber: "430121199001011234", status: status, submittedBy: clerk,
            submittedAt: submitted, completedAt: hours.map { submitted.addingTimeInterval($0 * 3600) },
            terminalID: "T-101", regionCode: region)
    }

    /// A week after the pension enrolments' five working days ran out.
    static let now = received.addingTimeInterval(14 * 86_400)

    static let applications = [
        application("a-same-day", status: .completed, completedAfter: 2),
        application("a-in-time", status: .completed, completedAfter: 48),
        application("a-late", status: .completed, completedAfter: 240),
        application("a-open-late"),
        application("a-refused", region: "430121102003", by: "clerk2", status: .rejected),
        application("a-kiosk", .trainingSignUp, region: "430121102003", by: Application.resident, at: now),
        // Received in October: not this month's.
        application("a-october", at: received.addingTimeInterval(-10 * 86_400)),
    ]

    /// The figures of `applications` by way of the rollup: counted per region, summed by group.
    static func figures(_ grouping: ServiceFigures.Grouping, _ applications: [Application], at now: Date)
        -> ServiceFigures
    {
        let counts = Dictionary(grouping: applications, by: \.regionCode).flatMap { region, applications in
            FigureCount.counts(ofRegion: region, applications: applications, cards: [], documents: [])
        }
        var sums: [String: FigureSum] = [:]
        for count in counts where count.key.family == .service && count.key.month == month.description {
            let counted = count.key
            let key =
                switch grouping {
                case .township: String(counted.regionCode.prefix(9))
                case .village: counted.regionCode
                case .clerk: counted.clerk
                case .service: counted.service
                }
            let due = counted.dueAt > 0 && counted.dueAt < now.milliseconds ? count.count : 0
            sums["\(key) \(counted.measure)", default: FigureSum(key: key, measure: counted.measure, total: 0)].total +=
                count.count
            sums["\(key) \(counted.measure)"]!.due += due
        }
        return ServiceFigures(month: month, grouping: grouping, sums: Array(sums.values), at: now)
    }

    @Test("each application of the month counted once in its group and in the total, by what became of it")
    func countsByTownship() {
        let figures = Self.figures(.township, Self.applications, at: Self.now)
        #expect(figures.rows.map(\.key) == ["430121101", "430121102"])
        let home = figures.rows[0]
        #expect(home.received == 4)
        #expect(home.completedSameDay == 1)
        #expect(home.completedInTime == 2)
        #expect(home.overdue == 2)
        #expect(home.refused == 0)
        #expect(home.open == 1)
        let neighbour = figures.rows[1]
        #expect(neighbour.received == 2)
        #expect(neighbour.refused == 1)
        #expect(neighbour.open == 1)
        #expect(neighbour.overdue == 0)
        #expect(figures.total.received == 6)
        #expect(figures.total.overdue == 2)
        #expect(figures.total.key == "total")
    }

    @Test(
        "the other groupings: village, clerk (a kiosk's resident as card) and service",
        arguments: [
            (ServiceFigures.Grouping.village, ["430121101001", "430121102003"]),
            (.clerk, ["card", "clerk1", "clerk2"]),
            (.service, ["resident-pension-enrolment", "training-sign-up"]),
        ])
    func groupings(grouping: ServiceFigures.Grouping, keys: [String]) {
        let figures = Self.figures(grouping, Self.applications, at: Self.now)
        #expect(figures.rows.map(\.key) == keys)
        #expect(figures.rows.map(\.received).reduce(0, +) == 6)
    }

    @Test("a month is China's: an application at 23:30 on its last day counts, one at 00:30 after it does not")
    func monthEdges() {
        let lastEvening = ISO8601DateFormatter().date(from: "2026-11-30T15:30:00Z")!
        let nextMorning = ISO8601DateFormatter().date(from: "2026-11-30T16:30:00Z")!
        let figures = Self.figures(
            .township, [Self.application("late", at: lastEvening), Self.application("next", at: nextMorning)],
            at: Self.now)
        #expect(figures.total.received == 1)
    }

    @Test("CSV: a byte order mark, Chinese headings, CRLF, the total last, no field read as a formula")
    func csv() {
        var figures = Self.figures(
            .clerk, [Self.application("x", by: "=HYPERLINK(\"x\")"), Self.application("y", by: "a,b")], at: Self.now)
        let text = figures.csv
        #expect(text.hasPrefix("\u{FEFF}分组,受理件数,当场办结,按时办结,超期,不予受理或退回,在办\r\n"))
        let lines = text.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"x\"\")\","))
        #expect(lines[2].hasPrefix("\"a,b\",1,"))
        #expect(lines[3] == "total,2,0,0,2,0,2")
        figures.rows = []
        #expect(figures.csv.split(separator: "\r\n").count == 2)
    }
}
