/// One sum of ``CentreSQL/figureSums(_:month:in:by:dueBefore:)``: a group's counts of one measure,
/// and how many of them fell due before the instant asked (only open applications have a due time).
public struct FigureSum: FetchableCentreRecord, Sendable {
    static let tableName = "figureCount"

    enum Columns: Int, TableColumns {
        case key, measure, total, due
    }

    /// The group: a township's or village's region code, a clerk's id or a service's kind.
    public var key: String
    public var measure: String
    public var total: Int
    public var due: Int

    public init(key: String, measure: String, total: Int, due: Int = 0) {
        self.key = key
        self.measure = measure
        self.total = total
        self.due = due
    }

    init(row: TableRow<FigureSum>) throws {
        key = try row.text(.key)
        measure = try row.text(.measure)
        total = Int(try row.integer(.total))
        due = Int(try row.integer(.due))
    }
}

extension [FigureSum] {
    /// The sums gathered into one row a group, in key order, and the total of them all: each sum
    /// added to its group's row and to the total by `add`.
    func rows<Row>(_ row: (_ key: String) -> Row, _ add: (inout Row, FigureSum) -> Void) -> (rows: [Row], total: Row) {
        var rows: [String: Row] = [:]
        var total = row("total")
        for sum in self {
            add(&rows[sum.key, default: row(sum.key)], sum)
            add(&total, sum)
        }
        return (rows.sorted { $0.key < $1.key }.map(\.value), total)
    }
}
