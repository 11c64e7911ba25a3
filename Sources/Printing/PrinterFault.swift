/// What keeps a printer from printing, in the terms staff act on.
///
/// A fault holds jobs, it does not lose them: cupsd and the printer keep a waiting job and
/// print it once the fault clears.
public enum PrinterFault: Sendable, Hashable, CustomStringConvertible {
    /// Out of paper (or cards), or the tray for the job's media is empty.
    case mediaEmpty
    /// Paper (or a card) stuck in the printer.
    case mediaJam
    /// A cover, door or interlock is open.
    case coverOpen
    /// Toner, ink or ribbon used up.
    case suppliesEmpty
    /// Switched off, unplugged, or not answering on the network.
    case offline
    /// Stopped by staff (cupsdisable) or not accepting jobs (cupsreject).
    case paused
    /// Any other reason the printer calls an error; the keyword says which.
    case other(String)

    public var description: String {
        switch self {
        case .mediaEmpty: "media empty"
        case .mediaJam: "media jam"
        case .coverOpen: "cover open"
        case .suppliesEmpty: "supplies empty"
        case .offline: "offline"
        case .paused: "paused"
        case .other(let keyword): keyword
        }
    }

    /// The fault a printer's state amounts to, the most pressing first, or nil if it can print.
    static func classify(
        state: PrinterStatus.State, reasons: [StateReason], message: String, isAcceptingJobs: Bool
    ) -> PrinterFault? {
        let keywords = Set(reasons.map(\.keyword))
        let unreachable = state == .processing && unreachableMessages.contains(where: message.contains)
        if unreachable || !keywords.isDisjoint(with: offlineKeywords) { return .offline }
        if keywords.contains("media-jam") { return .mediaJam }
        if !keywords.isDisjoint(with: ["cover-open", "door-open", "interlock-open"]) { return .coverOpen }
        if !keywords.isDisjoint(with: ["media-empty", "media-needed", "input-tray-missing"]) { return .mediaEmpty }
        if !keywords.isDisjoint(with: ["toner-empty", "marker-supply-empty", "marker-ink-empty"]) {
            return .suppliesEmpty
        }
        if keywords.contains("paused") || !isAcceptingJobs { return .paused }
        if let error = reasons.first(where: { $0.severity == .error }) { return .other(error.keyword) }
        if state == .stopped { return .other(reasons.first?.keyword ?? "stopped") }
        return nil
    }

    private static let offlineKeywords: Set<String> = ["offline", "connecting-to-device", "shutdown", "timed-out"]

    /// CUPS' ipp backend sets no state reason for a printer it cannot reach, only a message, in the
    /// server's language, while it retries a job: its English and Simplified Chinese words (CUPS 2.4's
    /// catalogue). The message can outlive the job, so it counts only while the queue is processing.
    private static let unreachableMessages = [
        "may not exist or is unavailable", "is unreachable at this time", "is not responding",
        "Unable to locate printer", "暂时不存在或不可用", "暂时无法访问", "打印机无响应", "无法定位打印机",
    ]

    /// What to tell a resident whose document waits on this fault, in Chinese and English.
    public var residentMessage: ResidentMessage {
        switch self {
        case .mediaEmpty:
            ResidentMessage(
                zh: "打印机缺纸。您的文件已保存，请联系工作人员或稍后再试。",
                en: "The printer is out of paper. Your document is saved; please ask staff for help or try again later."
            )
        case .mediaJam:
            ResidentMessage(
                zh: "打印机卡纸。您的文件已保存，请联系工作人员处理。",
                en: "Paper is jammed in the printer. Your document is saved; please ask staff for help.")
        case .coverOpen:
            ResidentMessage(
                zh: "打印机盖板未关好。您的文件已保存，请联系工作人员处理。",
                en: "A printer cover is open. Your document is saved; please ask staff for help.")
        case .suppliesEmpty:
            ResidentMessage(
                zh: "打印机墨粉或色带已用完。您的文件已保存，请联系工作人员处理。",
                en: "The printer has run out of toner or ribbon. Your document is saved; please ask staff for help.")
        case .offline:
            ResidentMessage(
                zh: "打印机未开机或未连接。您的文件已保存，请联系工作人员或稍后再试。",
                en:
                    "The printer is switched off or not connected. Your document is saved; please ask staff for help or try again later."
            )
        case .paused:
            ResidentMessage(
                zh: "打印机已暂停服务。您的文件已保存，请联系工作人员。",
                en: "The printer has been paused by staff. Your document is saved; please ask staff for help.")
        case .other:
            ResidentMessage(
                zh: "打印机出现故障。您的文件已保存，请联系工作人员。",
                en: "The printer has a fault. Your document is saved; please ask staff for help.")
        }
    }
}
