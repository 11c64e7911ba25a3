// A township's first load into SQLiteKioskStore; Benchmarks/TownshipLoad/run compares it with the
// same rows fed to the sqlite3 command-line shell as plain SQL (the floor), in the same run.
//
//   TownshipLoadBenchmark store DB PEOPLE MONTHS PAGE_SIZE   load into a new store at DB
//   TownshipLoadBenchmark sql PEOPLE MONTHS PAGE_SIZE         print the same rows as SQL, one
//                                                             transaction per page
//   TownshipLoadBenchmark schema DB                           create an empty store at DB
//   TownshipLoadBenchmark terminal DB PASSWORD                install the township's terminal and a
//                                                             clerk, clerk1 (Benchmarks/TerminalQueries)
//
// The township is SyntheticTownship(seed: 2026, regionCode: "430102001", lastMonth: 2026-10).
// `store` prints "rows TABLE N" per table, then "generate_seconds S" (making the pages) and
// "load_seconds S" (applyReferenceData alone). `sql` writes rows in the order the store gets
// them (people in the generator's order), so neither side gets the easier sorted inserts.
import Foundation
import KioskCore
import KioskSQLite
import Vocabulary

func township(people: Int, months: Int, pageSize: Int) -> SyntheticTownship {
    SyntheticTownship(
        seed: 2026, regionCode: "430102001", people: people, months: months,
        lastMonth: YearMonth(year: 2026, month: 10)!, pageSize: pageSize)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func load(into path: String, _ township: SyntheticTownship) async throws {
    let store = try SQLiteKioskStore(path: path, ledgerKey: nil)
    let clock = ContinuousClock()
    var (generating, loading) = (Duration.zero, Duration.zero)
    var counts: [String: Int] = [:]
    var pages = township.makeIterator()
    while true {
        var next: ReferenceDataPage?
        generating += clock.measure { next = pages.next() }
        guard let page = next else { break }
        let started = clock.now
        try await store.applyReferenceData(page)
        loading += clock.now - started
        counts["person", default: 0] += page.people.count
        counts["enrolment", default: 0] += page.enrolments.count
        counts["contribution", default: 0] += page.contributions.count
        counts["pensionPayment", default: 0] += page.pensionPayments.count
        counts["jobPosting", default: 0] += page.jobPostings.count
        counts["card", default: 0] += page.cardRecords.count
    }
    for (table, count) in counts.sorted(by: { $0.key < $1.key }) { print("rows \(table) \(count)") }
    print("generate_seconds \(seconds(generating))")
    print("load_seconds \(seconds(loading))")
}

/// A string as an SQL literal.
func text(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }

/// Plain SQL for the sqlite3 shell: multi-row INSERTs, one transaction per page, values encoded
/// as the store encodes them (months as YearMonth.index, money in fen, instants in milliseconds).
struct SQLWriter {
    private var buffer = ""
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    mutating func write(_ page: ReferenceDataPage) throws {
        buffer += "BEGIN;\n"
        insert("person", page.people) { person in
            [
                text(person.idNumber), text(person.name), text(person.sex.rawValue),
                text(person.birthDate.description), text(person.regionCode), person.phone.map(text) ?? "NULL",
                String(person.version),
            ]
        }
        insert("enrolment", page.enrolments) { enrolment in
            [
                text(enrolment.idNumber), text(enrolment.insurance.rawValue), String(enrolment.since.index),
                enrolment.until.map { String($0.index) } ?? "NULL", text(enrolment.status.rawValue),
                text(enrolment.unit),
            ]
        }
        insert("contribution", page.contributions) { contribution in
            [
                text(contribution.idNumber), text(contribution.insurance.rawValue), String(contribution.month.index),
                String(contribution.baseFen), String(contribution.personalFen), String(contribution.employerFen),
                contribution.paid ? "1" : "0",
            ]
        }
        insert("pensionPayment", page.pensionPayments) { payment in
            [
                text(payment.idNumber), String(payment.month.index), String(payment.amountFen),
                text(payment.accountMasked),
            ]
        }
        insert("jobPosting", page.jobPostings) { posting in
            [
                text(posting.id), text(posting.title), text(posting.employer), text(posting.regionCode),
                String(posting.monthlyWageFromFen), String(posting.monthlyWageToFen), text(posting.postedOn),
                text(posting.contact),
            ]
        }
        let regions = Dictionary(
            page.people.map { ($0.idNumber, $0.regionCode) }, uniquingKeysWith: { first, _ in first })
        let encoder = self.encoder
        var cards: [[String]] = []
        for card in page.cardRecords {
            let steps = String(decoding: try encoder.encode(card.steps), as: UTF8.self)
            cards.append([
                text(card.cardNumber), text(card.idNumber), text(card.status.rawValue),
                card.cardIdentifier.map(text) ?? "NULL", text(steps), text(regions[card.idNumber] ?? ""),
                String(card.steps.count),
            ])
        }
        insert("card", cards) { $0 }
        buffer +=
            "INSERT INTO cacheState (id, cursor, asOf) VALUES (1, \(text(page.cursor)), "
            + "\(Int64((page.asOf.timeIntervalSince1970 * 1000).rounded())))"
            + " ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor, asOf = excluded.asOf;\nCOMMIT;\n"
        flush()
    }

    /// 500 rows per statement: the shell prepares each statement once.
    private mutating func insert<Row>(_ table: String, _ rows: [Row], _ values: (Row) -> [String]) {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 500, rows.count)]
            buffer += "INSERT INTO \(table) VALUES\n"
            buffer += chunk.map { "(" + values($0).joined(separator: ",") + ")" }.joined(separator: ",\n")
            buffer += ";\n"
            start += 500
            if buffer.utf8.count > 1 << 20 { flush() }
        }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}

let arguments = CommandLine.arguments
func number(_ index: Int) -> Int? { arguments.count > index ? Int(arguments[index]) : nil }

switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
case ("store", 6):
    guard let people = number(3), let months = number(4), let pageSize = number(5) else { break }
    try await load(into: arguments[2], township(people: people, months: months, pageSize: pageSize))
    exit(0)
case ("sql", 5):
    guard let people = number(2), let months = number(3), let pageSize = number(4) else { break }
    var writer = SQLWriter()
    for page in township(people: people, months: months, pageSize: pageSize) { try writer.write(page) }
    exit(0)
case ("schema", 3):
    _ = try SQLiteKioskStore(path: arguments[2], ledgerKey: nil)
    exit(0)
case ("terminal", 4):
    // The township's own terminal and a clerk of it (Benchmarks/TerminalQueries queries as them).
    let store = try SQLiteKioskStore(path: arguments[2], ledgerKey: nil)
    let township = try Jurisdiction("430102001")
    try await store.setTerminal(TerminalIdentity(terminalID: "T-BENCH", jurisdiction: township, name: "基准乡镇服务站"))
    try await store.addStaff(
        StaffMember(id: "clerk1", name: "经办员甲", role: .clerk, jurisdiction: township),
        password: try PasswordHash(hashing: arguments[3]))
    exit(0)
default:
    break
}
FileHandle.standardError.write(
    Data(
        """
        usage: TownshipLoadBenchmark store DB PEOPLE MONTHS PAGE_SIZE
               TownshipLoadBenchmark sql PEOPLE MONTHS PAGE_SIZE
               TownshipLoadBenchmark schema DB
               TownshipLoadBenchmark terminal DB PASSWORD

        """.utf8))
exit(2)
