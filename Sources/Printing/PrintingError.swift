import CodedErrors

/// An error from the printing layer: what happened, and what the clerk or technician should do.
///
/// A ``CodedError``: a static member per code, a message written for a person. The IPP status
/// libcups reported, when there is one, is kept in ``ippStatus`` (with libcups' own text in
/// ``detail``) for diagnostics but never shown alone. Printer faults (out of paper, jammed,
/// offline) are not errors: a job waits through them, and ``PrinterStatus`` describes them.
public struct PrintingError: CodedError {
    public enum Code: Hashable, Sendable {
        case schedulerUnavailable
        case printerUnreachable
        case unknownQueue
        case jobNotFound
        case notAcceptingJobs
        case notAuthorized
        case documentRejected
        case optionNotSupported
        case notPDF
        case unreadableFile
        case invalidKey
        case invalidURI
        case transferFailed
        case timedOut
        case cancelled
        case requestFailed
    }

    public let code: Code
    /// What went wrong and what to do about it, for a person.
    public let message: String
    /// The IPP status code libcups reported, if any.
    public let ippStatus: Int?
    /// libcups' own words for the failure, if any (English, for a technician's log).
    public let detail: String?

    private init(_ code: Code, _ message: String, ippStatus: Int? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.ippStatus = ippStatus
        self.detail = detail
    }

    public var description: String {
        var text = message
        if let ippStatus { text += " [IPP 0x\(String(ippStatus, radix: 16, uppercase: true).leftPadded(to: 4))]" }
        if let detail, !detail.isEmpty { text += " (\(detail))" }
        return text
    }

    /// The same error carrying libcups' status and words, for the technician's log.
    func reported(ippStatus: Int, detail: String?) -> Self {
        Self(code, message, ippStatus: ippStatus, detail: detail)
    }

    /// The same error carrying the IPP status and libcups' words of `cause`.
    func carrying(detailsOf cause: PrintingError) -> Self {
        Self(code, message, ippStatus: cause.ippStatus, detail: cause.detail)
    }

    // MARK: Reaching the print service and the printer

    public static let schedulerUnavailable = Self(
        .schedulerUnavailable,
        "The print service (cupsd) is not running. Start it (or restart the terminal) and try again; queued jobs are kept."
    )

    /// The printer at `uri` did not answer: off, unplugged or not on the network.
    public static func printerUnreachable(_ uri: String) -> Self {
        Self(
            .printerUnreachable,
            "The printer at \(uri) does not answer. Check that it is switched on and connected, then try again.")
    }

    /// No queue called `name` exists in cupsd.
    public static func unknownQueue(_ name: String) -> Self {
        Self(
            .unknownQueue,
            "There is no print queue called \"\(name)\". Check the terminal's printer setting, or add the queue (lpadmin)."
        )
    }

    /// The printer no longer knows job `id` (a printer's own history is short; cupsd keeps more).
    public static func jobNotFound(_ id: Int32) -> Self {
        Self(.jobNotFound, "Print job \(id) is not known to the printer any more. Check the printer's queue.")
    }

    public static let notAcceptingJobs = Self(
        .notAcceptingJobs,
        "The printer is not accepting jobs (it was stopped by staff). Enable it (cupsaccept / cupsenable) and try again."
    )

    public static let notAuthorized = Self(
        .notAuthorized,
        "The print service refused the request for lack of permission. Check the service user's rights on the queue.")

    // MARK: The document and the options

    public static let documentRejected = Self(
        .documentRejected, "The printer refused the document's format. Check that the printer takes PDF.")

    /// The printer does not support an option the job asked for; `detail` names it.
    public static func optionNotSupported(_ detail: String) -> Self {
        Self(.optionNotSupported, "The printer does not support \(detail). Choose another paper size or setting.")
    }

    public static let notPDF = Self(.notPDF, "The document is not a PDF file. Only PDF documents are printed.")

    /// The file at `path` could not be read.
    public static func unreadableFile(_ path: String) -> Self {
        Self(.unreadableFile, "The document \(path) could not be read. Check that the file exists and is readable.")
    }

    /// An idempotency key that cannot go into a job name; `reason` says why.
    public static func invalidKey(_ reason: String) -> Self {
        Self(.invalidKey, "Invalid idempotency key: \(reason).")
    }

    /// A printer address that is not an ipp:// or ipps:// URI.
    public static func invalidURI(_ uri: String) -> Self {
        Self(.invalidURI, "\"\(uri)\" is not a printer address; use ipp://HOST:PORT/PATH or ipps://.")
    }

    // MARK: Sending and waiting

    public static let transferFailed = Self(
        .transferFailed,
        "Sending the document to the printer failed part way. Print again with the same key: it will not print twice.")

    public static let timedOut = Self(
        .timedOut,
        "The print job did not finish in time. It is still in the printer's queue; check the printer, and do not print it again under a new key."
    )

    public static let cancelled = Self(.cancelled, "The print operation was cancelled.")

    public static let requestFailed = Self(
        .requestFailed, "The print service rejected the request. Report the IPP code to a technician.")

    /// The error an IPP status means for an operation on `target` (and on job `jobID`).
    ///
    /// libcups reports a connection it could not make as service-unavailable: for a queue that is
    /// cupsd gone, for a printer addressed directly the printer.
    static func mapping(ippStatus: Int, target: PrintTarget, jobID: Int32? = nil) -> PrintingError {
        let unreachable: PrintingError
        let missing: PrintingError
        switch target {
        case .queue(let name):
            unreachable = .schedulerUnavailable
            missing = .unknownQueue(name)
        case .printer(let uri):
            unreachable = .printerUnreachable(uri)
            missing = .printerUnreachable(uri)
        }
        switch ippStatus {
        case 0x0405, 0x0502: return unreachable
        case 0x0406, 0x0407: return jobID.map { .jobNotFound($0) } ?? missing
        case 0x0506: return .notAcceptingJobs
        case 0x0401, 0x0402, 0x0403, 0x1000: return .notAuthorized
        case 0x040A, 0x0411: return .documentRejected
        case 0x040B: return .optionNotSupported("one of the job's settings (paper size, sides or colour)")
        default: return .requestFailed
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
