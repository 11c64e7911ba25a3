/// A printer's (or a cupsd queue's) state, with what to tell a resident and a technician.
///
/// Through cupsd a printer's own reasons (media-empty, media-jam) show on the queue only while a
/// job is being sent to it: cupsd's backend reads them from the printer then. An idle queue says
/// nothing of an empty tray; addressing the printer directly (``PrintTarget/printer(uri:)``) does.
public struct PrinterStatus: Sendable, Hashable {
    /// IPP `printer-state`.
    public enum State: Int32, Sendable, Hashable {
        case idle = 3
        case processing = 4
        case stopped = 5
    }

    public let state: State
    /// IPP `printer-state-reasons`, without "none".
    public let reasons: [StateReason]
    /// IPP `printer-state-message`: the printer's or cupsd's own words, often English.
    public let message: String
    public let isAcceptingJobs: Bool
    /// Jobs waiting or printing (IPP `queued-job-count`).
    public let queuedJobCount: Int
    public let supplies: [Supply]

    public init(
        state: State, reasons: [StateReason] = [], message: String = "", isAcceptingJobs: Bool = true,
        queuedJobCount: Int = 0, supplies: [Supply] = []
    ) {
        self.state = state
        self.reasons = reasons
        self.message = message
        self.isAcceptingJobs = isAcceptingJobs
        self.queuedJobCount = queuedJobCount
        self.supplies = supplies
    }

    /// What keeps the printer from printing, or nil if nothing does.
    public var fault: PrinterFault? {
        PrinterFault.classify(state: state, reasons: reasons, message: message, isAcceptingJobs: isAcceptingJobs)
    }

    /// What to tell a resident at the kiosk: the fault's message, or that printing goes on.
    public var residentMessage: ResidentMessage {
        if let fault { return fault.residentMessage }
        return state == .processing
            ? ResidentMessage(zh: "正在打印，请稍候。", en: "Printing, please wait.")
            : ResidentMessage(zh: "打印机就绪。", en: "The printer is ready.")
    }

    /// One line for a technician: fault, state, reason keywords, the printer's message, queue
    /// length and supply levels.
    public var technicianSummary: String {
        var parts = ["fault: \(fault.map(String.init(describing:)) ?? "none")", "state: \(state)"]
        parts.append("reasons: \(reasons.isEmpty ? "none" : reasons.map(\.description).joined(separator: ", "))")
        if !message.isEmpty { parts.append("message: \"\(message)\"") }
        parts.append(isAcceptingJobs ? "accepting jobs" : "NOT accepting jobs")
        parts.append("\(queuedJobCount) job(s) queued")
        parts.append(
            "supplies: \(supplies.isEmpty ? "not reported" : supplies.map(\.description).joined(separator: ", "))")
        return parts.joined(separator: "; ")
    }

    /// The status in a printer attribute group, or nil if it lacks a known `printer-state`.
    init?(attributes: IPPAttributeSet) {
        guard let raw = attributes.integer("printer-state"), let state = State(rawValue: raw) else { return nil }
        self.init(
            state: state,
            reasons: attributes.strings("printer-state-reasons").filter { $0 != "none" }.map(StateReason.init),
            message: attributes.string("printer-state-message") ?? "",
            isAcceptingJobs: attributes.boolean("printer-is-accepting-jobs") ?? true,
            queuedJobCount: Int(attributes.integer("queued-job-count") ?? 0),
            supplies: Supply.supplies(in: attributes))
    }

    /// The printer attributes this layer asks for to build a status.
    static let requestedAttributes = [
        "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs",
        "queued-job-count", "printer-supply", "printer-supply-description", "marker-names", "marker-levels",
        "marker-types",
    ]
}
