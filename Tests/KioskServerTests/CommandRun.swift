import Dispatch
import Foundation

/// A command run to its end: its exit status and what it printed (standard output and error together).
///
/// The wait happens on a Dispatch thread, not in the caller's task: a test that blocked a thread of
/// the cooperative pool for a whole schemathesis run would starve every other test of the two
/// threads this machine's pool has.
struct CommandRun: Sendable {
    let status: Int32
    let output: String

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) async throws -> CommandRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let reader = pipe.fileHandleForReading
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = reader.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(
                    returning: CommandRun(
                        status: process.terminationStatus, output: String(decoding: data, as: UTF8.self)))
            }
        }
    }

    /// `sskiosk ledger verify` on `database`.
    static func ledgerVerify(database: String) async throws -> CommandRun {
        try await run(ServiceProcess.executable("sskiosk"), ["ledger", "verify", "--database", database])
    }
}
