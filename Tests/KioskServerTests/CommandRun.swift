import Foundation

/// A command run to its end: its exit status and what it printed (standard output and error together).
struct CommandRun {
    let status: Int32
    let output: String

    init(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: data, as: UTF8.self)
    }

    /// `sskiosk ledger verify` on `database`.
    static func ledgerVerify(database: String) throws -> CommandRun {
        try CommandRun(ServiceProcess.executable("sskiosk"), ["ledger", "verify", "--database", database])
    }
}
