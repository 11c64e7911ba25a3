/// An administrative division's code (GB/T 2260, extended below the county as the statistics
/// bureau's division codes do): 2 digits for a province, 4 for a city, 6 for a county, 9 for a
/// township and 12 for a village. A code lies within every code that is a prefix of it, which is
/// how jurisdictions, the sync and the documents' offices compare them.
public struct RegionCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The digits: `430121101`.
    public let code: String

    /// Fails for anything but 2, 4, 6, 9 or 12 ASCII digits.
    public init?(_ code: some StringProtocol) {
        guard Self.lengths.contains(code.count), code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        self.code = String(code)
    }

    /// The level the code names, by its length.
    public var level: Level {
        switch code.count {
        case 2: .province
        case 4: .city
        case 6: .county
        case 9: .township
        default: .village
        }
    }

    /// The province's two digits: `43`.
    public var province: String { String(code.prefix(2)) }

    /// The county's six digits, or nil for a province or city: `430121`.
    public var county: String? { code.count >= 6 ? String(code.prefix(6)) : nil }

    /// Whether `other` is this region or a part of it.
    public func contains(_ other: RegionCode) -> Bool { other.code.hasPrefix(code) }

    public var description: String { code }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let value = RegionCode(code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a region code: \(code)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public enum Level: Int, Comparable, Sendable {
        case province, city, county, township, village

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private static let lengths: Set<Int> = [2, 4, 6, 9, 12]
}
