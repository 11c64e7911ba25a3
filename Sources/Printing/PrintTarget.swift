/// Where a job goes: a cupsd queue, or an IPP printer addressed directly.
public enum PrintTarget: Sendable, Hashable, CustomStringConvertible {
    /// A cupsd queue by name: the normal way, with cupsd's spooling, retries and long job history.
    case queue(String)
    /// An IPP printer addressed without cupsd (`ipp://HOST:PORT/PATH` or `ipps://`): for diagnostics
    /// and terminals without a spooler. A printer keeps only a short job history of its own
    /// (ippeveprinter: a minute after a job ends), which bounds how late a retry can find its job.
    case printer(uri: String)

    public var description: String {
        switch self {
        case .queue(let name): "queue \(name)"
        case .printer(let uri): "printer \(uri)"
        }
    }
}
