import Foundation
import Printing

/// A print job as the API shows it: no personal data, so the page waiting for it and a
/// technician may both read it.
struct PrintJobStatus: Codable, Hashable, Sendable {
    enum State: String, Codable, Sendable {
        /// Taken, not yet printing.
        case queued
        case printing
        /// Held by a printer fault; the message says what the person waiting should do.
        case waiting
        case completed
        /// Aborted or cancelled: it will not print.
        case failed
    }

    var key: String
    var document: PrintRequestKind
    var queue: String
    var state: State
    /// cupsd's job id once submitted.
    var printerJobID: Int32?
    /// For the person waiting, in Chinese and English.
    var messageChinese: String
    var message: String
    /// The printer's state in a technician's terms, while a fault holds the job.
    var technicianMessage: String?
    var submittedAt: Date
    var updatedAt: Date

    static let queued = ResidentMessage(zh: "已提交打印，请稍候。", en: "Sent to the printer, please wait.")
    static let printing = ResidentMessage(zh: "正在打印，请稍候。", en: "Printing, please wait.")

    var isFinished: Bool { state == .completed || state == .failed }

    /// Takes the news of one poll of the job and its printer.
    mutating func update(with progress: JobProgress, at now: Date) {
        printerJobID = progress.job.id
        updatedAt = now
        technicianMessage = progress.printer?.technicianSummary
        let said: ResidentMessage
        switch progress.job.state {
        case .completed:
            state = .completed
            said = ResidentMessage(zh: "打印完成，请取走您的文件。", en: "Printed. Please take your document.")
        case .aborted, .canceled:
            state = .failed
            said = ResidentMessage(
                zh: "文件未能打印，请联系工作人员。", en: "The document could not be printed. Please ask staff for help.")
        case .pending, .held, .processing, .stopped:
            if let fault = progress.fault {
                state = .waiting
                said = fault.residentMessage
            } else {
                state = progress.job.state == .processing ? .printing : .queued
                said = state == .printing ? Self.printing : Self.queued
            }
        }
        messageChinese = said.zh
        message = said.en
    }
}
