/// The terminal's connection to its centre, as the sync logic sees it: the calls of
/// docs/SYNC.md and nothing of HTTP or TLS, so the drain and pull loops are tested against an
/// in-process centre and run against the real one through `CentreClient`'s `HTTPCentreLink`.
///
/// A call throws when the centre could not be reached or answered with an error; the caller
/// treats every throw as "try again later" and changes nothing it was not told to.
public protocol CentreLink: Sendable {
    /// The pages of a first load, decoded as they arrive. The sequence ends only when the centre
    /// ended the stream cleanly; a cut link or a garbled line is thrown.
    associatedtype Snapshot: AsyncSequence<ReferenceDataPage, any Error>

    /// `POST /sync/v1/commands`: one result per command, in order.
    func push(_ request: SyncPushRequest) async throws -> SyncPushResponse
    /// `GET /sync/v1/changes`: the page after `cursor`; with `wait` seconds (0: none) the centre may
    /// hold an empty answer that long for a change to come (the long-poll of docs/SYNC.md).
    func changes(after cursor: String, limit: Int, wait: Int) async throws -> SyncChanges
    /// `GET /sync/v1/snapshot`: the whole jurisdiction, page by page, or what follows the page a
    /// broken-off load stored (`resuming`), at that load's cursor. Throws
    /// ``SyncError/snapshotExpired`` when the centre has moved on too far to go on with it.
    func snapshot(resuming: SnapshotResumePoint?) async throws -> Snapshot
    /// `GET /sync/v1/ledger/anchor`: the head of this terminal's ledger the centre last anchored.
    func ledgerAnchor() async throws -> LedgerAnchor
}
