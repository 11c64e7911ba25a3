import Subprocess

/// A child process run to its end, its output kept: how it ended, and what it wrote to standard
/// output and to standard error, each whole.
///
/// On swift-subprocess, whose waits cost no thread: the output is read and the exit awaited without
/// blocking a thread of the cooperative pool, of which this machine has two. Reading stops when the
/// child exits, even if a daemon it started still holds its output open (the rig script leaves
/// pcscd and cupsd running): Foundation's `Process.waitUntilExit` was seen to wait for ever there.
/// The child starts with no signal blocked and every signal's default action, which daemons started
/// from a test need (see `ChildCommand`).
package struct CommandRun: Sendable {
    package let termination: Termination
    package let standardOutput: String
    package let standardError: String

    /// The exit status, or 128 + the signal's number, as a shell reports it.
    package var status: Int32 { termination.status }
    /// Standard output, then standard error.
    package var output: String { standardOutput + standardError }

    /// Runs `argv` (an absolute path first) with no input, `environment` set over the tests' own,
    /// in `directory` (the tests' working directory when nil), and waits for it to end.
    package static func run(
        _ argv: [String], environment: [String: String] = [:], in directory: String? = nil
    ) async throws -> CommandRun {
        try await run(ChildCommand(argv: argv, environment: environment, directory: directory))
    }

    /// The standard output of `argv`, which must exit with status 0; when it does not, the error
    /// says what it wrote to standard error.
    package static func standardOutput(
        of argv: [String], environment: [String: String] = [:], in directory: String? = nil
    ) async throws -> String {
        let command = ChildCommand(argv: argv, environment: environment, directory: directory)
        let run = try await run(command)
        guard run.status == 0 else { throw TestSupportError.failed(command, run) }
        return run.standardOutput
    }

    private static func run(_ command: ChildCommand) async throws -> CommandRun {
        // No limit: a limit makes swift-subprocess reserve that much memory up front.
        let result = try await Subprocess.run(
            command.configuration, output: .string(limit: .max), error: .string(limit: .max))
        return CommandRun(
            termination: Termination(result.terminationStatus), standardOutput: result.standardOutput,
            standardError: result.standardError)
    }
}
