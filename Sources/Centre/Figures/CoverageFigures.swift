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

        /// Adds a sum of the rollup: the village's head count, a scheme's cover or an insurance's enrolments.
        mutating func add(_ sum: FigureSum) {
            switch sum.measure {
            case Self.populationMeasure: population += sum.total
            case let scheme where CoverageScheme(rawValue: scheme) != nil: covered[scheme, default: 0] += sum.total
            default: enrolled[sum.measure, default: 0] += sum.total
            }
        }

        /// The measure ``CentreSQL/coverageCounts(ofRegion:)`` names a village's head count with.
        static let populationMeasure = "population"
    }

    /// By region code.
    public var villages: [Village]
    public var total: Village
    public var asOf: Date

    /// The figures from the rollup's sums, each keyed by its village.
    init(_ sums: [FigureSum], at now: Date) {
        var villages: [String: Village] = [:]
        var total = Village(regionCode: "total")
        for sum in sums {
            villages[sum.key, default: Village(regionCode: sum.key)].add(sum)
            total.add(sum)
        }
        self.villages = villages.values.sorted { $0.regionCode < $1.regionCode }
        self.total = total
        self.asOf = now
    }
}
