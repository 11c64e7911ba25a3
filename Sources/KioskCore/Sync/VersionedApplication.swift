/// An application as the centre holds it, with its version: the count of changes the centre has
/// applied, which a terminal's next change to it must name (docs/SYNC.md).
public struct VersionedApplication: Codable, Hashable, Sendable {
    public var application: Application
    public var version: Int

    public init(_ application: Application, version: Int) {
        self.application = application
        self.version = version
    }
}
