/// One row of a statement's answer, whichever driver read it: where the column of a name stands,
/// and the value at a position (nil for NULL). Records read rows through ``TableRow``, by name.
protocol SQLRowReader {
    /// The position of the column named `name`, or nil when the statement selects none. Each
    /// driver answers as its database names columns.
    func index(of name: String) -> Int?
    func text(at index: Int) throws -> String?
    func integer(at index: Int) throws -> Int64?
}
