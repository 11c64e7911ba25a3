import CCups

/// One group of IPP attributes (a printer's or a job's) read out of libcups into Swift values.
///
/// Only the value kinds the printing layer reads are kept: integers and enums, booleans, and
/// strings (keywords, names, texts, URIs, MIME types, octet strings). Plain values make the
/// state and job types buildable in unit tests without an `ipp_t`.
struct IPPAttributeSet: Sendable, Hashable {
    enum Value: Sendable, Hashable {
        case integer(Int32)
        case boolean(Bool)
        case string(String)
    }

    private(set) var values: [String: [Value]]

    init(_ values: [String: [Value]] = [:]) {
        self.values = values
    }

    func strings(_ name: String) -> [String] {
        (values[name] ?? []).compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    func string(_ name: String) -> String? { strings(name).first }

    func integers(_ name: String) -> [Int32] {
        (values[name] ?? []).compactMap { if case .integer(let i) = $0 { i } else { nil } }
    }

    func integer(_ name: String) -> Int32? { integers(name).first }

    func boolean(_ name: String) -> Bool? {
        for case .boolean(let b) in values[name] ?? [] { return b }
        return nil
    }

    /// The groups of `tag` (printer or job attributes) in an IPP message, in order.
    ///
    /// A message holds one group per printer or job, separated by a nameless attribute.
    static func groups(of message: OpaquePointer, tag: ipp_tag_t) -> [IPPAttributeSet] {
        var groups: [IPPAttributeSet] = []
        var current: IPPAttributeSet?
        var attribute = ippFirstAttribute(message)
        while let attr = attribute {
            defer { attribute = ippNextAttribute(message) }
            guard ippGetGroupTag(attr) == tag, let cName = ippGetName(attr) else {
                if let finished = current { groups.append(finished) }
                current = nil
                continue
            }
            var group = current ?? IPPAttributeSet()
            group.values[String(cString: cName)] = Self.read(attr)
            current = group
        }
        if let finished = current { groups.append(finished) }
        return groups
    }

    private static func read(_ attr: OpaquePointer) -> [Value] {
        let tag = ippGetValueTag(attr)
        return (0..<ippGetCount(attr)).compactMap { index -> Value? in
            switch tag {
            case IPP_TAG_INTEGER, IPP_TAG_ENUM:
                return .integer(ippGetInteger(attr, index))
            case IPP_TAG_BOOLEAN:
                return .boolean(ippGetBoolean(attr, index) != 0)
            case IPP_TAG_STRING:
                var length: Int32 = 0
                guard let bytes = ippGetOctetString(attr, index, &length) else { return nil }
                let buffer = UnsafeRawBufferPointer(start: bytes, count: Int(length))
                return .string(String(decoding: buffer, as: UTF8.self))
            case IPP_TAG_TEXT, IPP_TAG_NAME, IPP_TAG_TEXTLANG, IPP_TAG_NAMELANG, IPP_TAG_KEYWORD, IPP_TAG_URI,
                IPP_TAG_URISCHEME, IPP_TAG_CHARSET, IPP_TAG_LANGUAGE, IPP_TAG_MIMETYPE:
                return ippGetString(attr, index, nil).map { .string(String(cString: $0)) }
            default:
                return nil
            }
        }
    }
}
