import Foundation
import KioskCore
import Testing

@Suite("Ledger hash chain")
struct LedgerTests {
    static func ledger(_ count: Int) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for index in 0..<count {
            entries.append(
                LedgerEntry(
                    after: entries.last,
                    at: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
                    actor: index % 2 == 0
                        ? .resident(idNumber: "430102198507141238")
                        : .staff(
                            StaffMember(
                                id: "clerk-1", name: "甲", role: .clerk, jurisdiction: try! Jurisdiction("430102"))),
                    action: "application.submit",
                    subject: .person(idNumber: "430102198507141238"),
                    terminalID: "T1",
                    regionCode: "430102",
                    detail: "kind=loss-report"
                )
            )
        }
        return entries
    }

    static func head(_ entries: [LedgerEntry]) -> (sequence: Int64, hash: String) {
        (entries.last!.sequence, entries.last!.hash)
    }

    @Test("an intact ledger verifies; it holds no full ID number")
    func intact() {
        let entries = Self.ledger(10)
        #expect(LedgerVerifier.verify(entries, head: Self.head(entries)) == .intact(entries: 10))
        #expect(LedgerVerifier.verify([], head: (0, LedgerEntry.genesisHash)) == .intact(entries: 0))
        for entry in entries {
            #expect(!"\(entry)".contains("430102198507141238"))
        }
    }

    @Test("an altered field, a removed entry, a truncated end and a reordering are each found")
    func tampering() {
        let entries = Self.ledger(10)
        let head = Self.head(entries)
        var altered = entries
        altered[4].detail = "kind=card-application"
        #expect(LedgerVerifier.verify(altered, head: head) == .altered(sequence: 5))

        var resealed = altered
        resealed[4].hash = resealed[4].expectedHash
        #expect(LedgerVerifier.verify(resealed, head: head) == .missing(before: 6))

        var removed = entries
        removed.remove(at: 3)
        #expect(LedgerVerifier.verify(removed, head: head) == .missing(before: 5))

        #expect(LedgerVerifier.verify(Array(entries.prefix(7)), head: head) == .truncated(after: 7))

        var swapped = entries
        swapped.swapAt(2, 3)
        #expect(LedgerVerifier.verify(swapped, head: head) == .missing(before: 4))
    }
}
