/// A body's content coding on the sync link (RFC 9110 §8.4): gzip where both sides speak it,
/// identity for a peer that never asked. Only gzip, because it is the one coding compress-nio has.
public enum ContentCoding: String, Sendable, CaseIterable {
    case identity
    case gzip

    /// The coding of a body from its `Content-Encoding` header: identity when there is none, nil
    /// for one this side cannot read.
    public init?(contentEncoding: String?) {
        guard let value = contentEncoding?.trimmingWhitespace().lowercased(), !value.isEmpty else {
            self = .identity
            return
        }
        switch value {
        case "identity": self = .identity
        case "gzip", "x-gzip": self = .gzip
        default: return nil
        }
    }

    /// The coding to answer with for an `Accept-Encoding` header: gzip when it is listed (or `*`)
    /// with a weight above zero, identity otherwise, as for a peer that sends no header at all.
    public static func preferred(acceptEncoding: String?) -> ContentCoding {
        guard let acceptEncoding else { return .identity }
        for item in acceptEncoding.split(separator: ",") {
            let parts = item.split(separator: ";").map { String($0).trimmingWhitespace().lowercased() }
            guard let name = parts.first, ["gzip", "x-gzip", "*"].contains(name) else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0 { return .gzip }
        }
        return .identity
    }

    /// Whether a peer that sent this `Accept-Encoding` reads (or, in an answer, takes) gzip bodies.
    public static func accepts(gzip acceptEncoding: String?) -> Bool {
        preferred(acceptEncoding: acceptEncoding) == .gzip
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
