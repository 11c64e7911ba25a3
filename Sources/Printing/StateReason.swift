/// One IPP `printer-state-reasons` value: a keyword and how serious the printer says it is.
///
/// Printers append `-report`, `-warning` or `-error` (RFC 8011 5.4.12); the same fault can come
/// with any of them (ippeveprinter reports an empty tray as `media-empty-report` when idle and as
/// `media-empty-warning` while a job waits), so faults are judged by keyword.
public struct StateReason: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case report
        case warning
        case error
    }

    public let keyword: String
    public let severity: Severity?

    public init(_ value: String) {
        for severity in [Severity.report, .warning, .error] {
            let suffix = "-" + severity.rawValue
            if value.hasSuffix(suffix), value.count > suffix.count {
                keyword = String(value.dropLast(suffix.count))
                self.severity = severity
                return
            }
        }
        keyword = value
        severity = nil
    }

    public var description: String { severity.map { "\(keyword) (\($0.rawValue))" } ?? keyword }
}
