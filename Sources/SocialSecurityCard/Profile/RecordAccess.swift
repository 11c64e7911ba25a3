/// How a terminal reaches the items of a record file. Regions differ: the national profile reads a
/// whole file by its short file identifier, while Sichuan's terminals select each file by FID and
/// ask for one item at a time (public traces in `gdgly/SI_3rdCard`).
public enum RecordAccess: String, Codable, Hashable, Sendable {
    /// READ RECORD with the file's SFI in P2: every record in one APDU (mode 101), or item by item
    /// (mode 000) on cards that refuse that.
    case shortFileIdentifier = "sfi"
    /// SELECT the EF by FID, then one READ RECORD per item by tag in the current file (P2 00), Le the
    /// item's length plus its tag and length byte.
    case selectByFileIdentifier = "fid"
}
