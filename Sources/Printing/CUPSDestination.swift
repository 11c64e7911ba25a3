import CCups

/// A libcups destination (a cupsd queue, or an IPP printer by URI) with a connection to it.
///
/// Lives for one blocking operation on one thread of the pool: libcups connections are not
/// shared between threads, and its last error is kept per thread.
final class CUPSDestination {
    let target: PrintTarget
    private let dest: UnsafeMutablePointer<cups_dest_t>
    private let http: OpaquePointer
    private let resource: String
    private let printerURI: String
    private var info: OpaquePointer?

    /// Finds the destination and connects to it (cupsd for a queue, the printer for a URI).
    init(_ target: PrintTarget, timeout: Duration) throws(PrintingError) {
        self.target = target
        let found: UnsafeMutablePointer<cups_dest_t>?
        switch target {
        case .queue(let name):
            found = cupsGetNamedDest(nil, name, nil)
        case .printer(let uri):
            guard uri.hasPrefix("ipp://") || uri.hasPrefix("ipps://") else { throw .invalidURI(uri) }
            found = cupsGetDestWithURI(nil, uri)
        }
        guard let found else {
            // With cupsd down, libcups reports a named queue as not existing: say what is wrong.
            if case .queue = target, !Self.schedulerAnswers(within: timeout) { throw .schedulerUnavailable }
            throw CUPSStatus.lastError(for: target)
        }
        // libcups makes a URI's destination a device of cupsd ("device-uri"): only the device flag
        // connects to the printer itself rather than to cupsd.
        let flags: Int32
        switch target {
        case .queue:
            flags = CUPS_DEST_FLAGS_NONE
            printerURI = Self.option("printer-uri-supported", of: found) ?? ""
        case .printer(let uri):
            flags = CUPS_DEST_FLAGS_DEVICE
            printerURI = uri
        }
        let seconds = timeout / .seconds(1)
        var path = [CChar](repeating: 0, count: 1024)
        guard
            let http = cupsConnectDest(
                found, UInt32(flags), Int32(seconds * 1000), nil, &path, path.count, nil, nil)
        else {
            let error = CUPSStatus.lastError(for: target)
            cupsFreeDests(1, found)
            throw error
        }
        httpSetTimeout(http, seconds, nil, nil)
        dest = found
        self.http = http
        resource = path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func option(_ name: String, of dest: UnsafeMutablePointer<cups_dest_t>) -> String? {
        cupsGetOption(name, dest.pointee.num_options, dest.pointee.options).map { String(cString: $0) }
    }

    /// Whether cupsd accepts a connection on its socket (or the server libcups is configured for).
    static func schedulerAnswers(within timeout: Duration) -> Bool {
        guard
            let http = httpConnect2(
                cupsServer(), ippPort(), nil, AF_UNSPEC, cupsEncryption(), 1, Int32(timeout / .milliseconds(1)), nil)
        else { return false }
        httpClose(http)
        return true
    }

    deinit {
        if let info { cupsFreeDestInfo(info) }
        httpClose(http)
        cupsFreeDests(1, dest)
    }

    // MARK: State and jobs

    func status() throws(PrintingError) -> PrinterStatus {
        let request = IPPRequest(IPP_OP_GET_PRINTER_ATTRIBUTES, printerURI: printerURI)
        request.add(keywords: PrinterStatus.requestedAttributes, named: "requested-attributes")
        guard let groups = request.send(over: http, resource: resource, returning: IPP_TAG_PRINTER) else {
            throw CUPSStatus.lastError(for: target)
        }
        guard let status = groups.first.flatMap(PrinterStatus.init(attributes:)) else { throw .requestFailed }
        return status
    }

    func job(_ id: Int32) throws(PrintingError) -> PrintJob {
        let request = IPPRequest(IPP_OP_GET_JOB_ATTRIBUTES, printerURI: printerURI)
        request.add(integer: id, named: "job-id")
        request.add(keywords: PrintJob.requestedAttributes, named: "requested-attributes")
        guard let groups = request.send(over: http, resource: resource, returning: IPP_TAG_JOB) else {
            throw CUPSStatus.lastError(for: target, jobID: id)
        }
        guard let job = groups.first.flatMap({ PrintJob(target: target, attributes: $0) }) else {
            throw .jobNotFound(id)
        }
        return job
    }

    /// The newest job named `name` the destination still knows, finished ones included.
    func job(named name: String) throws(PrintingError) -> PrintJob? {
        let request = IPPRequest(IPP_OP_GET_JOBS, printerURI: printerURI)
        request.add(keywords: ["all"], named: "which-jobs")
        request.add(keywords: PrintJob.requestedAttributes, named: "requested-attributes")
        guard let groups = request.send(over: http, resource: resource, returning: IPP_TAG_JOB) else {
            throw CUPSStatus.lastError(for: target)
        }
        return groups.compactMap { PrintJob(target: target, attributes: $0) }
            .filter { $0.name == name }
            .max { $0.id < $1.id }
    }

    /// Asks whether this user may submit a job here (IPP Validate-Job): cupsd applies its policy
    /// and the queue's accepting state as for a real job, and nothing prints.
    func validateJob() throws(PrintingError) {
        let request = IPPRequest(IPP_OP_VALIDATE_JOB, printerURI: printerURI)
        guard request.send(over: http, resource: resource, returning: IPP_TAG_OPERATION) != nil else {
            throw CUPSStatus.lastError(for: target)
        }
    }

    func cancel(_ id: Int32) throws(PrintingError) {
        guard CUPSStatus.succeeded(cupsCancelDestJob(http, dest, id)) else {
            throw CUPSStatus.lastError(for: target, jobID: id)
        }
    }

    // MARK: Submitting

    /// Creates a job named `name` and sends `pdf` as its one document; returns the job's id.
    ///
    /// A job created but not completed (the document failed part way) is cancelled before the
    /// error is thrown, so it neither prints nor blocks a retry.
    func print(_ pdf: [UInt8], title: String, name: String, options: PrintOptions) throws(PrintingError) -> Int32 {
        let info = try destinationInfo()
        var count: Int32 = 0
        var cupsOptions: UnsafeMutablePointer<cups_option_t>?
        for option in options.cupsOptions {
            count = cupsAddOption(option.name, option.value, count, &cupsOptions)
        }
        defer { cupsFreeOptions(count, cupsOptions) }
        var id: Int32 = 0
        guard CUPSStatus.succeeded(cupsCreateDestJob(http, dest, info, &id, name, count, cupsOptions)) else {
            throw CUPSStatus.lastError(for: target)
        }

        guard
            cupsStartDestDocument(http, dest, info, id, Self.documentName(title), CUPS_FORMAT_PDF, 0, nil, 1)
                == HTTP_STATUS_CONTINUE,
            Self.write(pdf, over: http),
            CUPSStatus.succeeded(cupsFinishDestDocument(http, dest, info))
        else {
            let cause = CUPSStatus.lastError(for: target)
            // The connection may be unusable after a failed transfer: cancel over a fresh one.
            try? CUPSDestination(target, timeout: .seconds(10)).cancel(id)
            throw cause == .requestFailed ? PrintingError.transferFailed.carrying(detailsOf: cause) : cause
        }
        return id
    }

    /// The IPP document-name written for `title`: whitespace becomes `_`.
    ///
    /// cupsd 2.4.2-3+deb12u10 (Debian 12's security update of 2025) crashes with a segmentation
    /// fault on a Send-Document whose document-name holds a space, taking every queue down with it;
    /// seen on the rig with the test page "sskiosk test page". IPP allows the space, but a kiosk must
    /// not depend on the cupsd it finds: the name is written without one.
    static func documentName(_ title: String) -> String {
        String(title.map { $0.isWhitespace ? "_" : $0 })
    }

    private static func write(_ bytes: [UInt8], over http: OpaquePointer) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let chunk = 64 * 1024
            var offset = 0
            while offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let status = buffer.baseAddress!.advanced(by: offset).withMemoryRebound(
                    to: CChar.self, capacity: length
                ) {
                    cupsWriteRequestData(http, $0, length)
                }
                guard status == HTTP_STATUS_CONTINUE else { return false }
                offset += length
            }
            return true
        }
    }

    // MARK: Capabilities

    func capabilities() throws(PrintingError) -> PrinterCapabilities {
        let info = try destinationInfo()
        let flags = UInt32(CUPS_MEDIA_FLAGS_DEFAULT)
        var size = cups_size_t()
        let media = (0..<cupsGetDestMediaCount(http, dest, info, flags)).compactMap { index -> MediaSize? in
            cupsGetDestMediaByIndex(http, dest, info, index, flags, &size) != 0 ? MediaSize(size) : nil
        }
        // cupsGetDestMediaDefault (libcups 2.4.2) answered the first size, not media-default, for a
        // queue here: look the default up by its name instead.
        let defaultName = cupsFindDestDefault(http, dest, info, "media").flatMap { ippGetString($0, 0, nil) }
        let defaultMedia = defaultName.flatMap { name in
            cupsGetDestMediaByName(http, dest, info, name, flags, &size) != 0 ? MediaSize(size) : nil
        }
        return PrinterCapabilities(
            media: media, defaultMedia: defaultMedia, colorModes: supported("print-color-mode", info),
            sides: supported("sides", info), documentFormats: supported("document-format", info))
    }

    /// The values of `OPTION-supported`.
    private func supported(_ option: String, _ info: OpaquePointer) -> [String] {
        guard let attr = cupsFindDestSupported(http, dest, info, option) else { return [] }
        return (0..<ippGetCount(attr)).compactMap { ippGetString(attr, $0, nil).map { String(cString: $0) } }
    }

    /// The printer's attributes as libcups holds them for jobs and capabilities, fetched once.
    private func destinationInfo() throws(PrintingError) -> OpaquePointer {
        if let info { return info }
        guard let fetched = cupsCopyDestInfo(http, dest) else { throw CUPSStatus.lastError(for: target) }
        info = fetched
        return fetched
    }
}

extension MediaSize {
    /// libcups keys a size with zero margins `NAME_borderless`; the printer knows it as NAME.
    fileprivate init(_ size: cups_size_t) {
        var name = withUnsafeBytes(of: size.media) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasSuffix("_borderless") { name.removeLast("_borderless".count) }
        self.init(
            name: name, width: Int(size.width), length: Int(size.length), bottomMargin: Int(size.bottom),
            leftMargin: Int(size.left), rightMargin: Int(size.right), topMargin: Int(size.top))
    }
}
