import Foundation

/// Files a test hands to the programs under test as secrets (keys, tokens, key sets), which they
/// refuse unless private to their owner: written with mode 0600.
package enum PrivateFile {
    /// Writes `contents` to `url` (replacing a file there) with mode 0600.
    package static func write(_ contents: Data, to url: URL) throws {
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: contents, attributes: [.posixPermissions: 0o600])
        else { throw TestSupportError.unwritable(url.path) }
    }

    /// A copy of `source` with mode 0600 in the temporary folder, named after it and this process
    /// (tests run in processes of their own at once): for a repository file git checks out 0644.
    package static func copy(of source: URL) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(getpid())-\(source.lastPathComponent)")
        try write(Data(contentsOf: source), to: url)
        return url
    }
}
