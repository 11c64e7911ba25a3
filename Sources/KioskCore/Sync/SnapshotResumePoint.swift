import Foundation

/// Where a first load that broke off goes on: the snapshot's cursor, the centre's opaque token of
/// the last page the terminal stored (`ReferenceDataPage.resumeAfter`), and that page's "as of".
/// Kept in the store with the page, in the page's transaction.
public struct SnapshotResumePoint: Hashable, Sendable {
    public var cursor: String
    public var token: String
    public var asOf: Date

    public init(cursor: String, token: String, asOf: Date) {
        self.cursor = cursor
        self.token = token
        self.asOf = asOf
    }
}
