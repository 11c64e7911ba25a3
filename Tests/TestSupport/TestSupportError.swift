import CodedErrors

/// What went wrong in a test's helper: a child process that failed or said something other than
/// expected, no port free, a file not written.
package struct TestSupportError: CodedError {
    package enum Code: Hashable, Sendable {
        /// It exited with a status other than 0, or a signal ended it.
        case failed
        /// It succeeded, but its output is not what the caller reads.
        case unexpectedOutput
        /// No port could be bound on 127.0.0.1.
        case noFreePort
        /// A file could not be written.
        case unwritable
    }

    package let code: Code
    package let message: String

    static func failed(_ command: some CustomStringConvertible, _ run: CommandRun) -> Self {
        Self(code: .failed, message: "\(command) \(run.termination): \(run.standardError)")
    }

    static func unexpectedOutput(_ command: some CustomStringConvertible, _ output: String) -> Self {
        Self(code: .unexpectedOutput, message: "\(command) did not answer as expected: \(output)")
    }

    static func noFreePort(_ reason: String) -> Self {
        Self(code: .noFreePort, message: "no free port on 127.0.0.1: \(reason)")
    }

    static func unwritable(_ path: String) -> Self {
        Self(code: .unwritable, message: "could not write \(path)")
    }
}
