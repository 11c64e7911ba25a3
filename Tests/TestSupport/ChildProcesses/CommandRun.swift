import Glibc
import Subprocess
import SystemPackage

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

    /// Runs `argv` (an absolute path first) with `input` on its standard input (none when nil),
    /// `environment` set over the tests' own, in `directory` (the tests' working directory when
    /// nil), and waits for it to end.
    package static func run(
        _ argv: [String], input: String? = nil, environment: [String: String] = [:], in directory: String? = nil
    ) async throws -> CommandRun {
        try await run(ChildCommand(argv: argv, environment: environment, directory: directory), input: input)
    }

    /// The standard output of `argv`, which must exit with status 0; when it does not, the error
    /// says what it wrote to standard error.
    package static func standardOutput(
        of argv: [String], input: String? = nil, environment: [String: String] = [:], in directory: String? = nil
    ) async throws -> String {
        let command = ChildCommand(argv: argv, environment: environment, directory: directory)
        let run = try await run(command, input: input)
        guard run.status == 0 else { throw TestSupportError.failed(command, run) }
        return run.standardOutput
    }

    private static func run(_ command: ChildCommand, input: String?) async throws -> CommandRun {
        // No limit: a limit makes swift-subprocess reserve that much memory up front.
        let result =
            if let input {
                try await Subprocess.run(
                    command.configuration,
                    input: .fileDescriptor(try inputFile(input), closeAfterSpawningProcess: true),
                    output: .string(limit: .max), error: .string(limit: .max))
            } else {
                try await Subprocess.run(
                    command.configuration, output: .string(limit: .max), error: .string(limit: .max))
            }
        return CommandRun(
            termination: Termination(result.terminationStatus), standardOutput: result.standardOutput,
            standardError: result.standardError)
    }

    /// `input` in an unlinked file, open for reading from its start. A file rather than a pipe:
    /// swift-subprocess 1.0.2 traps ("FileDescriptor … was not closed") when a child exits before
    /// reading all of a piped input, as a command that refuses its arguments does.
    private static func inputFile(_ input: String) throws -> FileDescriptor {
        var template = Array("/tmp/sskiosk-input-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Errno(rawValue: errno) }
        unlink(template)
        let bytes = Array(input.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, lseek(fd, 0, SEEK_SET) == 0 else {
            close(fd)
            throw Errno(rawValue: errno)
        }
        return FileDescriptor(rawValue: fd)
    }
}
