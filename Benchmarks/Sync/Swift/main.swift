// Fills a terminal's outbox for Benchmarks/Sync/run's drain: one application per person of the
// loaded cache, made through SQLiteKioskStore.submit as the desk makes them (domain row, outbox
// entry and ledger entry in one transaction each), outside the timing.
//
//   SyncBenchmark queue DB COUNT JURISDICTION TERMINAL
//       COUNT applications for the first COUNT people of the cache, by a clerk of JURISDICTION, at the
//       terminal TERMINAL (the id it enrolled with, which the centre wants its application ids to begin
//       with) if the cache names none yet
import Foundation
import GRDB
import KioskCore
import KioskSQLite

let arguments = CommandLine.arguments
guard arguments.count == 6, arguments[1] == "queue", let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: SyncBenchmark queue DB COUNT JURISDICTION TERMINAL\n".utf8))
    exit(2)
}
let path = arguments[2]
let people = try DatabaseQueue(path: path).read { db in
    try String.fetchAll(db, sql: "SELECT idNumber FROM person ORDER BY idNumber LIMIT ?", arguments: [count])
}
guard people.count == count else {
    FileHandle.standardError.write(Data("the cache holds \(people.count) people, fewer than \(count)\n".utf8))
    exit(1)
}
// A key of this run's own: `sync now` drains without one, and nothing verifies the ledger after.
let store = try SQLiteKioskStore(path: path, ledgerKey: .generate())
let jurisdiction = try Jurisdiction(arguments[4])
if try await store.terminal() == nil {
    try await store.setTerminal(TerminalIdentity(terminalID: arguments[5], jurisdiction: jurisdiction, name: "基准终端"))
}
let clerk = Principal.staff(
    StaffMember(id: "bench-clerk", name: "基准经办员", role: .clerk, jurisdiction: jurisdiction))
let now = Date()
for idNumber in people {
    _ = try await store.submit(.init(kind: .trainingSignUp, idNumber: idNumber), by: clerk, at: now)
}
print("queued \(try await store.outboxSummary().pending)")
