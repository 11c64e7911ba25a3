/// The residents' pension's contribution grades (城乡居民养老保险缴费档次) the county offers, with
/// the government's subsidy for each: a resident chooses one when enrolling. Published by the
/// centre for every terminal; until it publishes one, the national floor applies.
public struct PensionGradeTable: Codable, Hashable, Sendable {
    /// One table a county: its key.
    public var id: String
    public var grades: [Grade]
    /// Where the county set it (the document number), for the staff who read it.
    public var source: String

    public init(id: String = PensionGradeTable.key, grades: [Grade], source: String) {
        self.id = id
        self.grades = grades
        self.source = source
    }

    /// One grade: the yearly contribution and the subsidy on it, in fen.
    public struct Grade: Codable, Hashable, Sendable {
        public var level: Int
        public var annualFen: Int64
        public var subsidyFen: Int64

        public init(level: Int, annualFen: Int64, subsidyFen: Int64) {
            self.level = level
            self.annualFen = annualFen
            self.subsidyFen = subsidyFen
        }
    }

    public static let key = "resident-pension"

    /// 国发〔2014〕8号: grades of 100 to 2,000 yuan a year, a subsidy of at least 30 yuan, and at
    /// least 60 yuan on grades of 500 yuan or more.
    public static let national = PensionGradeTable(
        grades: [
            (100, 30), (200, 30), (300, 30), (400, 30), (500, 60), (600, 60), (700, 60), (800, 60), (900, 60),
            (1000, 60), (1500, 60), (2000, 60),
        ].enumerated().map { index, pair in
            Grade(level: index + 1, annualFen: Int64(pair.0) * 100, subsidyFen: Int64(pair.1) * 100)
        },
        source: "国发〔2014〕8号（全国最低标准）")

    /// The grade of `level`, if the table has it.
    public func grade(_ level: Int) -> Grade? { grades.first { $0.level == level } }

    /// What is wrong with the table, in plain words; empty when nothing is.
    public var problems: [String] {
        var problems: [String] = []
        if grades.isEmpty { problems.append("the table has no grades") }
        if grades.map(\.level) != Array(1...max(1, grades.count)) && !grades.isEmpty {
            problems.append("the levels must run 1, 2, 3… in order")
        }
        for (lower, higher) in zip(grades, grades.dropFirst()) where higher.annualFen <= lower.annualFen {
            problems.append("grade \(higher.level) must cost more than grade \(lower.level)")
        }
        for grade in grades where grade.annualFen <= 0 || grade.subsidyFen < 0 || grade.subsidyFen > grade.annualFen {
            problems.append("grade \(grade.level): the contribution must be above 0 and the subsidy between 0 and it")
        }
        if source.trimmingSpaces.isEmpty { problems.append("the source is missing") }
        return problems
    }
}
