import HexCoding

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

extension DirectoryProfile {
    private enum CodingKeys: String, CodingKey { case name, title, fid, aid, files }

    /// FID and AID are hex in a profile file, as traces show them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? name
        fid = try container.contains(.fid) ? HexField.decodeUInt16(.fid, in: container) : nil
        aid = try HexField.decode(.aid, in: container, count: 5...16)
        files = try container.decodeIfPresent([FileProfile].self, forKey: .files) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(fid.map(HexField.text), forKey: .fid)
        try container.encode(aid.compactHexString, forKey: .aid)
        try container.encode(files, forKey: .files)
    }
}

extension DirectoryProfile {
    /// What is inconsistent within the directory: repeated FIDs, SFIs or tags, impossible sizes.
    var problems: [String] {
        var problems: [String] = []
        for (fid, count) in Dictionary(files.map { ($0.fid, 1) }, uniquingKeysWith: +) where count > 1 {
            problems.append("\(name) lists the file \(HexField.text(fid)) \(count) times")
        }
        for (sfi, count) in Dictionary(files.map { ($0.sfi, 1) }, uniquingKeysWith: +) where count > 1 {
            problems.append("\(name) gives the SFI \(sfi) to \(count) files")
        }
        for file in files {
            let fid = HexField.text(file.fid)
            if !(1...30).contains(file.sfi) { problems.append("file \(fid)'s SFI \(file.sfi) is not between 1 and 30") }
            switch file.structure {
            case .records(let items):
                for (tag, count) in Dictionary(items.map { ($0.tag, 1) }, uniquingKeysWith: +) where count > 1 {
                    problems.append("file \(fid) names the tag \(HexField.text(tag)) \(count) times")
                }
                for item in items where !(1...253).contains(item.length) {
                    problems.append("item \(HexField.text(item.tag)) of file \(fid) is \(item.length) bytes long")
                }
            case .transparent(let size):
                if !(1...0x7FFF).contains(size) { problems.append("file \(fid) is \(size) bytes long") }
            case .cyclic(let records, let length):
                if records < 1 || !(1...253).contains(length) {
                    problems.append("file \(fid) has \(records) records of \(length) bytes")
                }
            }
            if file.read.isEmpty { problems.append("file \(fid) gives no read condition") }
        }
        return problems
    }
}
