import Centre
import Foundation
import KioskCore
import Testing

/// Labour disputes at the centre: a case taken at one terminal, its entries replayed with the
/// terminal's rules from any terminal of the area, sent down to the area's terminals only. Both stores.
@Suite struct DisputeCentreTests {
    static func dispute(_ id: String, in region: String = Fixtures.home) -> LabourDispute {
        LabourDispute(
            id: id, kind: .mediation, regionCode: region, idNumber: "430121198001011234", name: "王五", phone: nil,
            employer: DisputeEmployer(name: "某建筑公司", creditCode: nil, address: nil, contact: nil),
            category: .unpaidWages, claimedYuan: 18_000, facts: "拖欠工资", receivedAt: Fixtures.now, receivedBy: "clerk1",
            decideBy: Fixtures.now.addingTimeInterval(3 * 86_400))
    }

    @Test(arguments: StoreKind.testable)
    func aCaseIsReplayedAcrossTheAreasTerminals(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let (taker, _) = try Fixtures.terminal("T-101")
            let (other, _) = try Fixtures.terminal("T-102")
            let (neighbour, _) = try Fixtures.terminal("T-201", jurisdiction: Fixtures.neighbour)
            var counter = 0
            func send(_ payload: DisputePayload, from terminal: RegisteredTerminal) async throws -> SyncCommandResult {
                counter += 1
                return try #require(
                    try await store.apply(
                        [try Fixtures.command(.dispute, payload, key: "d\(counter)")], from: terminal, at: Fixtures.now
                    ).first)
            }
            func intake(_ dispute: LabourDispute) -> DisputePayload {
                DisputePayload(id: dispute.id, entry: .intake(dispute), by: "clerk1", at: Fixtures.now)
            }
            func decision(_ id: String, accepted: Bool = true) -> DisputePayload {
                DisputePayload(
                    id: id,
                    entry: .decision(DisputeDecision(accepted: accepted, reason: nil, by: "clerk1", at: Fixtures.now)),
                    by: "clerk1", at: Fixtures.now)
            }
            #expect(try await send(intake(Self.dispute("T-101-D1")), from: taker).outcome == .applied)
            #expect(
                try await send(intake(Self.dispute("T-101-D1")), from: taker).reason?.hasPrefix("dispute-id-taken")
                    == true)
            #expect(
                try await send(intake(Self.dispute("T-102-D9")), from: taker).reason?.hasPrefix("foreign-id") == true)
            #expect(
                try await send(intake(Self.dispute("T-101-D2", in: Fixtures.neighbour)), from: taker).reason?.hasPrefix(
                    "outside-jurisdiction") == true)
            var decided = Self.dispute("T-101-D3")
            try decided.record(.decision(DisputeDecision(accepted: true, reason: nil, by: "clerk1", at: Fixtures.now)))
            #expect(
                try await send(intake(decided), from: taker).reason?.hasPrefix("malformed-payload") == true,
                "an intake carries a case as taken, nothing recorded on it")
            var twoEntries = decision("T-101-D1")
            twoEntries.extended = true
            #expect(try await send(twoEntries, from: taker).reason?.hasPrefix("malformed-payload") == true)

            let session = DisputePayload(
                id: "T-101-D1",
                entry: .session(
                    MediationSession(
                        day: "2026-09-01", place: nil, attendees: "双方", summary: "调解", by: "clerk1", at: Fixtures.now)),
                by: "clerk1", at: Fixtures.now)
            #expect(try await send(session, from: other).reason?.hasPrefix("dispute-not-accepted") == true)
            #expect(try await send(decision("T-101-D1"), from: neighbour).reason?.hasPrefix("unknown-dispute") == true)
            #expect(
                try await send(decision("T-101-D1"), from: other).outcome == .applied, "another terminal of the area")
            #expect(try await send(decision("T-101-D1"), from: taker).reason?.hasPrefix("dispute-decided") == true)
            #expect(try await send(session, from: taker).outcome == .applied)

            let page = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now
            ).page
            let kept = try #require(page.disputes.first { $0.id == "T-101-D1" })
            #expect(page.disputes.count == 1 && kept.decision?.accepted == true && kept.sessions.count == 1)
            #expect(kept.settleBy != nil, "the limit to settle by is replayed, not sent")
            let theirPage = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.neighbour), limit: 100_000, at: Fixtures.now
            ).page
            #expect(theirPage.disputes.isEmpty)
            let first = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.home), after: nil, people: 5))
            #expect(first.disputes.map(\.id) == ["T-101-D1"], "a first load carries the area's cases")
        }
    }
}
