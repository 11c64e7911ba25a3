import Foundation
import TestSupport
import Testing

/// The sync over an emulated village line (`hardware/line/rural-line`): 2 Mbit/s, 300 ms round
/// trip, 3 % loss, and the line cut for 20 s in the middle of the first load and of a day's
/// writes. The centre serves in its own network namespace behind the line; the terminal is this
/// host. It needs root and a TUN device: under CI=true their absence fails the test.
@Suite("Sync on an emulated rural line", .serialized)
struct RuralLineTests {
    @Test(
        "a first load resumes after the line drops, and writes made while it flaps arrive each exactly once",
        arguments: CentreProcess.Store.allCases)
    func firstLoadAndADayOfWrites(store: CentreProcess.Store) async throws {
        guard RuralLine.available else {
            #expect(!CentreProcess.Store.isCI, "no rural line here: it needs root, /usr/sbin/ip and /dev/net/tun")
            print("*** SKIPPED: the rural line needs root, /usr/sbin/ip and /dev/net/tun")
            return
        }
        let line = try await RuralLine.up("ssk-test", ["--rate", "2mbit", "--rtt", "300ms", "--loss", "3%"])
        try await withCleanup {
            try await SyncProcessTests.withCentre(store, terminals: ["T-1"], people: 20000, namespace: line.name) {
                centre in
                // A dead line is noticed after 8 s without a byte, then tried again within 2 s.
                let arguments = centre.terminalArguments("T-1") + ["--centre-read-timeout", "8"]
                let terminal = try await SyncProcessTests.startTerminal("T-1", centre, arguments: arguments)
                try await withCleanup {
                    try await Self.firstLoad(centre, line)
                    try await Self.writes(centre, terminal, line)
                } cleanup: {
                    try await terminal.kill()
                }
            }
        } cleanup: {
            await line.down()
        }
    }

    /// Cuts the line once the load is under way, and waits for the whole township: every person
    /// once, and the centre's record shows the load going on from where it stopped.
    static func firstLoad(_ centre: CentreProcess, _ line: RuralLine) async throws {
        let database = centre.file("T-1.sqlite")
        func cached() async throws -> (people: Int, loaded: Bool) {
            let row = try await CommandRun.standardOutput(of: [
                "/usr/bin/sqlite3", "-batch", "-noheader", database,
                "SELECT (SELECT count(*) FROM person) || ' ' || coalesce((SELECT loaded FROM cacheState), 0)",
            ]).split(separator: " ")
            return (Int(row.first ?? "") ?? 0, row.last?.hasPrefix("1") == true)
        }
        // Cut once a page is stored, so that there is a page to resume after. The township is large
        // enough (some 1.7 MB gzipped, 8 s on this line) that most of it is still to come then, even
        // on a machine so busy that the terminal applies its first page seconds behind its socket.
        try await SyncProcessTests.eventually("the first page", seconds: 180) { try await cached().people > 0 }
        let before = try await cached()
        #expect(!before.loaded, "the load ended before the line could be cut")
        try await line.cut(20)
        try await SyncProcessTests.eventually("the first load", seconds: 480) { try await cached().loaded }
        let expected = try await centre.query(
            "SELECT count(*) FROM person WHERE regionCode LIKE '\(CentreProcess.township)%'")
        #expect(try await cached().people == Int(expected.first ?? ""))
        // The centre counts a pull finished once its last page is written to the connection, which
        // on a dead line may be before the terminal has it: the resume is what shows the drop.
        let pulls = try await centre.query(
            "SELECT resumed, CASE WHEN finishedAt IS NULL THEN 0 ELSE 1 END FROM snapshotPull ORDER BY startedAt")
        #expect(pulls.first?.hasPrefix("0|") == true, "\(pulls)")
        #expect(pulls.dropFirst().contains("1|1"), "no resumed pull finished: \(pulls)")
    }

    /// Forty applications at the desk while the line is cut for 20 s: all queue, all arrive once.
    static func writes(_ centre: CentreProcess, _ terminal: ServiceProcess, _ line: RuralLine) async throws {
        let clerk = try await SyncProcessTests.clerk(terminal)
        let people = try await SyncProcessTests.people(centre, id: "T-1")
        var submitted: [String] = []
        for (index, person) in people.prefix(40).enumerated() {
            if index == 10 { try await line.cut(20) }
            let id = await SyncProcessTests.submit(
                clerk, kind: SyncProcessTests.kinds[index % SyncProcessTests.kinds.count], idNumber: person)
            submitted.append(try #require(id, "application \(index) was not acknowledged"))
            try await Task.sleep(for: .milliseconds(500))
        }
        _ = try await SyncProcessTests.waitFor("the drain", clerk, seconds: 300) { SyncProcessTests.pending($0) == 0 }
        #expect(try await SyncProcessTests.centreApplications(centre, terminal: "T-1") == submitted.sorted())
        let counts = try await line.status()
        let lost = (counts["villageToCentre"] as? [String: Any])?["lost"] as? Int ?? 0
        #expect(lost > 0, "the line lost nothing: \(counts)")
    }

}
