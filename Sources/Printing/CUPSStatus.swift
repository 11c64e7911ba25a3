import CCups

/// libcups' last status on this thread, mapped to ``PrintingError``.
enum CUPSStatus {
    /// Whether `status` is one of IPP's successful ones (libcups' own test).
    static func succeeded(_ status: ipp_status_t) -> Bool { status.rawValue <= IPP_STATUS_OK_CONFLICTING.rawValue }

    /// Whether the last libcups call on this thread failed.
    static var lastFailed: Bool { !succeeded(cupsLastError()) }

    /// The error for the last failure on this thread, in an operation on `target` (and job `jobID`).
    static func lastError(for target: PrintTarget, jobID: Int32? = nil) -> PrintingError {
        let status = Int(cupsLastError().rawValue)
        let detail = cupsLastErrorString().map { String(cString: $0) }
        return PrintingError.mapping(ippStatus: status, target: target, jobID: jobID)
            .reported(ippStatus: status, detail: detail)
    }
}
