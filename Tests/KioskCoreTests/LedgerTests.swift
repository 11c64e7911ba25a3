import Foundation
import HexCoding
import KioskCore
import Testing

@Suite("Ledger chain: keyed, sealed over older entries, checked against the centre's anchor")
struct LedgerTests {
    static let key = LedgerKey(bytes: Array(repeating: 7, count: 32))!
    static let otherKey = LedgerKey(bytes: Array(repeating: 8, count: 32))!

    /// `count` entries sealed with `key` after `head`.
    static func ledger(_ count: Int, after head: LedgerHead? = nil, key: LedgerKey = key) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for index in 0..<count {
            entries.append(
                LedgerEntry(
                    following: entries.last?.head ?? head,
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
                    detail: "kind=loss-report",
                    key: key
                )
            )
        }
        return entries
    }

    /// `count` entries chained with plain SHA-256, as a store wrote them before the ledger key.
    static func legacy(_ count: Int) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for index in 0..<count {
            var entry = LedgerEntry(
                sequence: Int64(index + 1), atMilliseconds: 1_600_000_000_000 + Int64(index), actor: "clerk-1",
                action: "person.read", subject: "person:4301**********1238", terminalID: "T1", regionCode: "430102",
                detail: "", previousHash: entries.last?.hash ?? LedgerEntry.genesisHash, hash: "")
            entry.hash = entry.legacyHash
            entries.append(entry)
        }
        return entries
    }

    /// Verified with `key` against the store's record of `key`'s check value and the head of `entries`
    /// unless told otherwise.
    static func verify(
        _ entries: [LedgerEntry], head: LedgerHead? = nil, key: LedgerKey = key, keyCheck: String? = key.check,
        anchor: LedgerAnchor? = nil
    ) -> LedgerVerifier.Finding {
        LedgerVerifier.verify(
            entries, head: head ?? entries.last?.head ?? .empty, key: key, keyCheck: keyCheck, anchor: anchor)
    }

    static func anchor(_ entry: LedgerEntry) -> LedgerAnchor { LedgerAnchor(head: entry.head, anchoredAt: nil) }

    @Test("an intact ledger verifies; it holds no full ID number and no key")
    func intact() {
        let entries = Self.ledger(10)
        #expect(Self.verify(entries) == .intact(entries: 10))
        #expect(Self.verify([]) == .intact(entries: 0))
        let keyHex = [UInt8](repeating: 7, count: 32).compactHexString
        for entry in entries {
            #expect(!"\(entry)".contains("430102198507141238"))
            #expect(!"\(entry)".uppercased().contains(keyHex))
        }
        #expect(!"\(Self.key)".uppercased().contains(keyHex))
        #expect(Self.key.check != Self.otherKey.check)
    }

    @Test("an altered field, a removed entry, a truncated end and a reordering are each found")
    func tampering() {
        let entries = Self.ledger(10)
        let head = entries[9].head
        var altered = entries
        altered[4].detail = "kind=card-application"
        #expect(Self.verify(altered, head: head) == .altered(sequence: 5))

        // Someone with the key (the service itself) could reseal an entry; the next link still breaks.
        var resealed = altered
        resealed[4].hash = resealed[4].expectedHash(sealedWith: Self.key)
        #expect(Self.verify(resealed, head: head) == .missing(before: 6))

        var removed = entries
        removed.remove(at: 3)
        #expect(Self.verify(removed, head: head) == .missing(before: 5))

        #expect(Self.verify(Array(entries.prefix(7)), head: head) == .truncated(after: 7))

        var swapped = entries
        swapped.swapAt(2, 3)
        #expect(Self.verify(swapped, head: head) == .missing(before: 4))
    }

    /// What plain SHA-256 let anyone do: change an entry, recompute every hash after it and the head.
    @Test("a rewrite resealed without the key is found, whether from the middle or from the first entry")
    func rewriteWithoutTheKey() {
        let entries = Self.ledger(10)
        var rewritten = Array(entries.prefix(4))
        for var entry in entries.dropFirst(4) {
            if entry.sequence == 5 { entry.actor = "supervisor-1" }
            entry.previousHash = rewritten.last!.hash
            entry.hash = entry.legacyHash
            rewritten.append(entry)
        }
        #expect(Self.verify(rewritten) == .altered(sequence: 5))

        var whole: [LedgerEntry] = []
        for var entry in entries {
            entry.previousHash = whole.last?.hash ?? LedgerEntry.genesisHash
            entry.hash = entry.legacyHash
            whole.append(entry)
        }
        #expect(Self.verify(whole) == .unsealed(entries: 10))
    }

    @Test("a wrong key is named as such; without the store's check value the first entry fails")
    func wrongKey() {
        let entries = Self.ledger(5)
        #expect(Self.verify(entries, key: Self.otherKey, keyCheck: Self.key.check) == .wrongKey)
        #expect(Self.verify(entries, key: Self.otherKey, keyCheck: nil) == .altered(sequence: 1))
    }

    @Test("the tail and the head cut off together pass alone, and are found against the centre's anchor")
    func truncationBelowTheAnchor() {
        let entries = Self.ledger(10)
        let cut = Array(entries.prefix(7))
        #expect(Self.verify(cut) == .intact(entries: 7))
        #expect(
            Self.verify(cut, anchor: Self.anchor(entries[9])) == .truncatedBelowAnchor(last: 7, anchor: 10))
        #expect(Self.verify(entries, anchor: Self.anchor(entries[9])) == .intact(entries: 10))
        #expect(Self.verify(entries, anchor: Self.anchor(entries[5])) == .intact(entries: 10))
    }

    @Test("a ledger emptied with its head is found against the anchor")
    func emptied() {
        let entries = Self.ledger(10)
        #expect(Self.verify([]) == .intact(entries: 0))
        #expect(Self.verify([], anchor: Self.anchor(entries[9])) == .emptied(anchor: 10))
    }

    /// The service went on writing after the cut, past the anchor: the chain is whole again, but
    /// the entry at the anchor is another one.
    @Test("a ledger cut back and written past the anchor again is found at the anchor")
    func rewrittenPastTheAnchor() {
        let entries = Self.ledger(10)
        let regrown = Array(entries.prefix(7)) + Self.ledger(5, after: entries[6].head)
        #expect(Self.verify(regrown) == .intact(entries: 12))
        #expect(Self.verify(regrown, anchor: Self.anchor(entries[9])) == .rewrittenAtAnchor(sequence: 10))
    }

    @Test("entries from before the key stay verifiable behind the seal; unsealed or changed, they fail")
    func legacyEntriesBehindTheSeal() {
        let old = Self.legacy(4)
        let seal = LedgerEntry.seal(
            following: old[3].head, at: Date(timeIntervalSince1970: 1_700_000_000), terminalID: "T1",
            regionCode: "430102", key: Self.key)
        #expect(seal.action == LedgerEntry.sealAction && seal.sequence == 5)
        let sealed = old + [seal] + Self.ledger(3, after: seal.head)
        #expect(Self.verify(sealed) == .intact(entries: 8))
        #expect(Self.verify(old, keyCheck: nil) == .unsealed(entries: 4))

        var changed = sealed
        changed[1].detail = "read=again"
        changed[1].hash = changed[1].legacyHash
        #expect(Self.verify(changed) == .missing(before: 3))
        changed[2].previousHash = changed[1].hash
        changed[2].hash = changed[2].legacyHash
        changed[3].previousHash = changed[2].hash
        changed[3].hash = changed[3].legacyHash
        // Rehashing the old entries to the end still breaks the seal's link, which only the key remakes.
        #expect(Self.verify(changed) == .missing(before: 5))

        var forged = old
        var fakeSeal = seal
        fakeSeal.hash = fakeSeal.legacyHash
        forged.append(fakeSeal)
        #expect(Self.verify(forged) == .altered(sequence: 5))
    }
}
