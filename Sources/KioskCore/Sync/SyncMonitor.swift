import Foundation

/// The sender's running record of the link, written by ``SyncRunner`` and read by the status
/// endpoint.
public actor SyncMonitor {
    public private(set) var state = SyncLinkState()

    public init() {}

    func pushed(at now: Date) {
        state.lastPushAt = now
        state.pushFailures = 0
        state.nextPushAt = nil
        if state.pullFailures == 0 { state.lastError = nil }
    }

    func pushFailed(_ error: any Error, failures: Int, next: Date) {
        state.pushFailures = failures
        state.nextPushAt = next
        state.lastError = "\(error)"
    }

    func pulled(at now: Date) {
        state.lastPullAt = now
        state.pullFailures = 0
        state.firstLoadRunning = false
        if state.pushFailures == 0 { state.lastError = nil }
    }

    func pullFailed(_ error: any Error, failures: Int) {
        state.pullFailures = failures
        state.firstLoadRunning = false
        state.lastError = "\(error)"
    }

    func firstLoadStarted() { state.firstLoadRunning = true }
}
