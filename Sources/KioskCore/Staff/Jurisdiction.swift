import Vocabulary

/// The area a staff member may act in: a GB/T 2260 region code prefix at any of the five levels
/// ("43" a province, "4301" a city, "430102" a county, 9 digits a township, 12 a village).
public struct Jurisdiction: Codable, Hashable, Sendable, CustomStringConvertible {
    public let regionPrefix: String

    public init(_ regionPrefix: String) throws(KioskError) {
        guard RegionCode(regionPrefix) != nil else {
            throw .invalid(
                "jurisdiction",
                chinese: "管辖区划代码应为2、4、6、9或12位数字。",
                english: "A jurisdiction is a region code of 2, 4, 6, 9 or 12 digits."
            )
        }
        self.regionPrefix = regionPrefix
    }

    /// Whether `regionCode` lies inside: county codes of 6 digits are compared on the common prefix.
    public func contains(_ regionCode: String) -> Bool {
        regionCode.hasPrefix(regionPrefix)
    }

    /// Whether one of the two areas lies inside the other: a township's member at one of its
    /// villages' terminals, a county's anywhere in it.
    public func meets(_ other: Jurisdiction) -> Bool {
        contains(other.regionPrefix) || other.contains(regionPrefix)
    }

    public var description: String { regionPrefix }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
