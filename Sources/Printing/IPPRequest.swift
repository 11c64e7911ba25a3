import CCups

/// One IPP request through libcups, carrying what every request carries (printer URI, user).
///
/// Runs on the calling thread and blocks; callers are on the NIO thread pool. libcups keeps the
/// last error per thread, so a failure is read (``CUPSStatus``) on the same thread right after.
struct IPPRequest: ~Copyable {
    private let message: OpaquePointer

    init(_ operation: ipp_op_t, printerURI: String?) {
        message = ippNewRequest(operation)
        if let printerURI { ippAddString(message, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI) }
        ippAddString(message, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
    }

    deinit { ippDelete(message) }

    func add(integer value: Int32, named name: String) {
        ippAddInteger(message, IPP_TAG_OPERATION, IPP_TAG_INTEGER, name, value)
    }

    func add(keywords values: [String], named name: String) {
        let copies = values.map { UnsafePointer(strdup($0)) }
        defer { copies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        ippAddStrings(message, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, name, Int32(copies.count), nil, copies)
    }

    /// Sends the request over `http` (nil: libcups' default connection to cupsd) and returns the
    /// response's attribute groups of `tag`; nil if the request failed (see ``CUPSStatus``).
    consuming func send(over http: OpaquePointer?, resource: String, returning tag: ipp_tag_t) -> [IPPAttributeSet]? {
        let message = self.message
        discard self  // cupsDoRequest frees the request whatever happens.
        guard let response = cupsDoRequest(http, message, resource) else { return nil }
        defer { ippDelete(response) }
        guard !CUPSStatus.lastFailed else { return nil }
        return IPPAttributeSet.groups(of: response, tag: tag)
    }
}
