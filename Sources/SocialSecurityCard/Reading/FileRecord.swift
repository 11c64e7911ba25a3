/// One TLV record and the SSSE file it belongs in: what personalisation writes and what a
/// simulated card's image is built from.
public struct FileRecord: Hashable, Sendable {
    public var fid: UInt16
    public var record: TLV

    public init(fid: UInt16, record: TLV) {
        self.fid = fid
        self.record = record
    }
}
