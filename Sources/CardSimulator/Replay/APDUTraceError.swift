import CodedErrors

/// A trace file that cannot be replayed, with the line at fault.
public struct APDUTraceError: CodedError {
    public enum Code: Hashable, Sendable { case malformedTrace }

    public let code: Code
    public let message: String

    init(line: Int, _ reason: String) {
        code = .malformedTrace
        message = line > 0 ? "trace line \(line): \(reason)" : reason
    }
}
