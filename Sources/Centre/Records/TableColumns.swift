/// The columns of one of the centre's tables, or of the answer a statement selects, as a record
/// names them (GRDB's `Columns`): a case's name is the column's name (its `stringValue`), and the
/// cases stand in the order of the schema, which is the order a record's values are written in.
/// Their raw values are Swift's own (0, 1, 2…), which number them for ``ColumnPositions``.
protocol TableColumns: CodingKey, CaseIterable, RawRepresentable<Int>, Sendable {}
