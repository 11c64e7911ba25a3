import Foundation
import Synchronization

/// The kiosk page's last sign of life. The page sends one every few seconds from its own script,
/// so a page that crashed, hung or was navigated away stops sending while the browser itself may
/// run on; the kiosk shell's launcher (packaging/kiosk) reads the age on loopback and restarts
/// Chromium when it grows too old. It holds a random id the page chose at load and a time, nothing
/// of any person.
final class PageHeartbeat: Sendable {
    /// One heartbeat: which load of the page sent it, and when.
    struct Beat: Sendable {
        var page: String
        var at: Date
    }

    private let last = Mutex<Beat?>(nil)

    func record(page: String, at date: Date) {
        last.withLock { $0 = Beat(page: page, at: date) }
    }

    var latest: Beat? { last.withLock { $0 } }
}
