import Foundation

/// A print job as the store keeps it, so that its state still answers after the service restarts.
/// The state is the API's own document of the job, which the store does not look into.
public struct PrintJobRecord: Hashable, Sendable {
    /// The client's key for the job.
    public var key: String
    /// Whose job it is (``Principal/ownerKey``).
    public var owner: String
    /// The job's state as the API shows it (JSON).
    public var status: Data
    /// Printed or failed: nothing will change any more, and the job is forgotten a while later.
    public var finished: Bool
    public var updatedAt: Date

    public init(key: String, owner: String, status: Data, finished: Bool, updatedAt: Date) {
        self.key = key
        self.owner = owner
        self.status = status
        self.finished = finished
        self.updatedAt = updatedAt
    }
}
