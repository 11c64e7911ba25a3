/// One cell of a table row: text as printed, or an amount the table formats and can total.
public enum Cell: Hashable, Sendable {
    case text(String)
    case money(Money)

    /// The cell as printed.
    var text: String {
        switch self {
        case .text(let text): text
        case .money(let money): money.formatted
        }
    }
}

/// A table row: cells by column key.
public typealias TableRow = [String: Cell]
