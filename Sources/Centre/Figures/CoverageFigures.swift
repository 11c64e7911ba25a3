import Foundation
import KioskCore

/// Insurance coverage in an area, village by village, against the people the centre holds there
/// (the seeds' "five 100%": every resident served): how many have a pension and medical cover of
/// any scheme, and how many are actively enrolled in each insurance. Counts only.
public struct CoverageFigures: Codable, Hashable, Sendable {
    public struct Village: Codable, Hashable, Sendable {
        public var regionCode: String
        public var population = 0
        /// People with cover of each ``CoverageScheme``, by its raw value.
        public var covered: [String: Int] = [:]
        /// People actively enrolled in each insurance, by its code.
        public var enrolled: [String: Int] = [:]

        init(regionCode: String) { self.regionCode = regionCode }

        mutating func add(_ count: CoverageCount) {
            switch count.measure {
            case Self.populationMeasure: population += count.people
            case let scheme where CoverageScheme(rawValue: scheme) != nil: covered[scheme, default: 0] += count.people
            default: enrolled[count.measure, default: 0] += count.people
            }
        }

        /// The measure ``CentreSQL/coverage(in:)`` names a village's head count with.
        static let populationMeasure = "population"
    }

    /// By region code.
    public var villages: [Village]
    public var total: Village
    public var asOf: Date

    init(_ counts: [CoverageCount], at now: Date) {
        var villages: [String: Village] = [:]
        var total = Village(regionCode: "total")
        for count in counts {
            villages[count.regionCode, default: Village(regionCode: count.regionCode)].add(count)
            total.add(count)
        }
        self.villages = villages.values.sorted { $0.regionCode < $1.regionCode }
        self.total = total
        self.asOf = now
    }
}
