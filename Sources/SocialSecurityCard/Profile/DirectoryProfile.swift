/// A directory on the card: the SSSE or an application DF, found by its AID.
public struct DirectoryProfile: Codable, Hashable, Sendable {
    /// Short name used in logs and the CLI ("SSSE", "DF01").
    public var name: String
    /// What it holds, as the specification calls it.
    public var title: String
    public var fid: UInt16?
    public var aid: [UInt8]
    public var files: [FileProfile]

    public init(name: String, title: String, fid: UInt16?, aid: [UInt8], files: [FileProfile]) {
        self.name = name
        self.title = title
        self.fid = fid
        self.aid = aid
        self.files = files
    }

    public func file(_ fid: UInt16) -> FileProfile? { files.first { $0.fid == fid } }
    public func file(sfi: UInt8) -> FileProfile? { files.first { $0.sfi == sfi } }
}
