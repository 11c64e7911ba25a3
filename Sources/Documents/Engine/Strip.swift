/// A horizontal slice of a flowing document that is never split across pages: a paragraph, a row
/// of a table or field grid. Its items are positioned relative to its top edge.
struct Strip {
    var height: Double
    var items: [PageItem]
    /// Goes to the next page with the strip after it rather than end a page alone.
    var keepWithNext = false
    /// The header to put above this strip when it starts a page (a table's rows carry the table's header).
    var repeatedHeader: [Strip] = []
    /// What the strip is, for the error when it is taller than a page.
    var what: String
}
