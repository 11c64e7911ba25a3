/// A consumable of a printer (toner, ink, ribbon) and how much is left, for a technician.
public struct Supply: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// The kind, as the printer words it: `toner`, `ink`, `ribbonWax`, `wasteToner`, ...
    public let kind: String
    /// Percent left, nil when the printer does not know.
    public let level: Int?

    public init(name: String, kind: String, level: Int?) {
        self.name = name
        self.kind = kind
        self.level = level
    }

    public var description: String { "\(name) (\(kind)) \(level.map { "\($0)%" } ?? "level unknown")" }

    /// The supplies in a printer attribute group: an IPP printer's `printer-supply` (PWG 5100.13)
    /// or, from cupsd, the `marker-*` attributes its backend reported.
    static func supplies(in attributes: IPPAttributeSet) -> [Supply] {
        let supplies = attributes.strings("printer-supply")
        if !supplies.isEmpty {
            let descriptions = attributes.strings("printer-supply-description")
            return supplies.enumerated().map { index, value in
                fromPrinterSupply(value, description: index < descriptions.count ? descriptions[index] : nil)
            }
        }
        let names = attributes.strings("marker-names")
        let levels = attributes.integers("marker-levels")
        let types = attributes.strings("marker-types")
        return names.enumerated().map { index, name in
            let level = index < levels.count ? Int(levels[index]) : -1
            return Supply(
                name: name, kind: index < types.count ? types[index] : "unknown",
                level: (0...100).contains(level) ? level : nil)
        }
    }

    /// One `printer-supply` value: `key=value;` pairs such as
    /// `type=toner;unit=percent;maxcapacity=100;level=80;colorantname=black;`. A level below zero
    /// means unknown; a capacity other than 100 percent is scaled to percent.
    static func fromPrinterSupply(_ value: String, description: String?) -> Supply {
        var fields: [String: String] = [:]
        for pair in value.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        let kind = fields["type"] ?? "unknown"
        var level: Int?
        if let raw = fields["level"].flatMap({ Int($0) }), raw >= 0 {
            let capacity = fields["maxcapacity"].flatMap { Int($0) } ?? 100
            level = capacity > 0 ? min(100, raw * 100 / capacity) : nil
        }
        return Supply(
            name: description ?? fields["colorantname"].map { "\($0) \(kind)" } ?? kind, kind: kind, level: level)
    }
}
