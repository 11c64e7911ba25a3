/// How a data item's value is stored on the card (规范 part 2, 数据格式).
public enum DataFormat: String, Codable, Hashable, Sendable {
    /// Compressed numeric: BCD digits, right-padded with `F`.
    case cn
    /// Alphanumeric bytes (ASCII or GBK), right-padded with `00`.
    case an
    /// Binary, stored as is.
    case b
}
