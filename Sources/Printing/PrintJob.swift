/// A snapshot of a print job as the printer (or cupsd) reports it.
public struct PrintJob: Sendable, Hashable, CustomStringConvertible {
    /// IPP `job-state`.
    public enum State: Int32, Sendable, Hashable {
        case pending = 3
        case held = 4
        case processing = 5
        case stopped = 6
        case canceled = 7
        case aborted = 8
        case completed = 9

        /// Whether the job has ended, well or not; it will not change any more.
        public var isFinished: Bool { self == .canceled || self == .aborted || self == .completed }
    }

    public let target: PrintTarget
    public let id: Int32
    /// The job's name as the printer holds it: the idempotency key for jobs this layer submitted.
    public let name: String
    public let state: State
    /// IPP `job-state-reasons`, without "none".
    public let reasons: [String]
    /// IPP `job-state-message`, empty when the printer gives none.
    public let message: String

    public init(
        target: PrintTarget, id: Int32, name: String, state: State, reasons: [String] = [], message: String = ""
    ) {
        self.target = target
        self.id = id
        self.name = name
        self.state = state
        self.reasons = reasons
        self.message = message
    }

    /// A job created but whose document never arrived (the submitter died half way): cupsd says
    /// `job-incoming`, a printer `job-data-insufficient`. Such a job prints nothing, ever.
    public var isIncomplete: Bool {
        state == .held && (reasons.contains("job-incoming") || reasons.contains("job-data-insufficient"))
    }

    public var description: String {
        let why = reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"
        return "job \(id) \"\(name)\" on \(target): \(state)\(why)"
    }

    /// The job described by a job attribute group, or nil if the group lacks an id or a known state.
    init?(target: PrintTarget, attributes: IPPAttributeSet) {
        guard let id = attributes.integer("job-id"), let raw = attributes.integer("job-state"),
            let state = State(rawValue: raw)
        else { return nil }
        self.init(
            target: target, id: id, name: attributes.string("job-name") ?? "", state: state,
            reasons: attributes.strings("job-state-reasons").filter { $0 != "none" },
            message: attributes.string("job-state-message") ?? "")
    }

    /// The job attributes this layer asks for.
    static let requestedAttributes = ["job-id", "job-name", "job-state", "job-state-reasons", "job-state-message"]
}
