// The child of KioskSQLiteTests' crash-safety test, which SIGKILLs it at random moments.
//
//   KioskSQLiteCrashWriter DB LEDGER-KEY
//
// Opens the store at DB with the ledger key file LEDGER-KEY (installing the terminal on first use) and writes until killed: it submits
// an application, and approves every second one as another clerk. After each call returns, so
// after the commit, it prints "submitted ID" or "approved ID" in a single write(2).
import Foundation
import KioskCore
import KioskSQLite

guard CommandLine.arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: KioskSQLiteCrashWriter DB LEDGER-KEY\n".utf8))
    exit(2)
}
let store = try SQLiteKioskStore(
    path: CommandLine.arguments[1], ledgerKey: try LedgerKeyFile.readOrCreate(CommandLine.arguments[2]))
let township = try Jurisdiction("430102001")
if try await store.terminal() == nil {
    try await store.setTerminal(TerminalIdentity(terminalID: "T-crash", jurisdiction: township, name: "crash test"))
}
let clerk = Principal.staff(StaffMember(id: "clerk-1", name: "经办人甲", role: .clerk, jurisdiction: township))
let supervisor = Principal.staff(
    StaffMember(id: "supervisor-1", name: "主管乙", role: .supervisor, jurisdiction: township))
let kinds = ApplicationKind.allCases

for index in 0... {
    let draft = ApplicationDraft(
        kind: kinds[index % kinds.count], idNumber: "430102198507141238", details: ["round": String(index)])
    let application = try await store.submit(draft, by: clerk, at: Date())
    FileHandle.standardOutput.write(Data("submitted \(application.id)\n".utf8))
    if index % 2 == 1, application.status != .approved {
        _ = try await store.move(application: application.id, to: .approved, by: supervisor, at: Date())
        FileHandle.standardOutput.write(Data("approved \(application.id)\n".utf8))
    }
}
