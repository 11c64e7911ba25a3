import Foundation

/// How a terminal service runs: where it listens, which readers and printers are whose, how long
/// an idle session lasts.
public struct KioskServerConfiguration: Sendable {
    /// Localhost only by default: the pages and the API are for this terminal's own browser.
    public var host: String
    public var port: Int
    /// The reader residents insert their card into.
    public var residentReader: String
    public var idleTimeout: TimeInterval
    /// Seconds without a call after which a staff token ends; the desk page locks its screen after
    /// as long without input, and says so on its sign-in form.
    public var staffIdleLock: TimeInterval
    /// The desk's reader, where blank cards are personalised (the kiosk's own on a one-reader desk).
    public var deskReader: String
    /// cupsd's queue for A4 documents (certificates, statements, receipts, ledgers).
    public var documentQueue: String
    /// cupsd's queue for the card printer (card faces).
    public var cardQueue: String
    /// cupsd's queue for a kiosk's 80 mm receipt roll, where residents' receipts go; nil on a
    /// terminal without one (they go on A4).
    public var receiptQueue: String?
    /// The desk camera as a GStreamer source and its properties (`v4l2src device=/dev/video0`);
    /// nil on a desk without one, where photos come from files only.
    public var camera: [String]?
    /// Seconds between the comment lines that keep an idle event stream open through proxies
    /// and browsers (many close a connection quiet for 30 to 60 s).
    public var eventKeepAlive: TimeInterval
    /// Names the terminal answers to besides `host` and loopback's (a desk PC's own name, say); a
    /// request naming anything else is refused, which defeats DNS rebinding.
    public var extraHostNames: [String] = []

    /// Every name a request's `Host` may carry.
    public var hostNames: [String] { ["127.0.0.1", "localhost", "::1", host] + extraHostNames }

    /// The origins of the terminal's own pages: the only ones allowed to call the API from a browser.
    public var origins: [String] {
        hostNames.map { name in
            let host = name.contains(":") ? "[\(name)]" : name
            return "http://\(host.lowercased()):\(port)"
        }
    }

    /// A desk left alone five minutes locks, as screen locks of office PCs commonly do.
    public static let standardStaffIdleLock: TimeInterval = 5 * 60

    /// Readers and queues have no default: each terminal names its own (the virtual rig's are in
    /// hardware/rig/terminal.json).
    public init(
        host: String = "127.0.0.1", port: Int = 8080, residentReader: String,
        idleTimeout: TimeInterval = 120, staffIdleLock: TimeInterval = standardStaffIdleLock,
        deskReader: String, documentQueue: String, cardQueue: String, receiptQueue: String? = nil,
        camera: [String]? = nil, eventKeepAlive: TimeInterval = 15
    ) {
        self.host = host
        self.port = port
        self.residentReader = residentReader
        self.idleTimeout = idleTimeout
        self.staffIdleLock = staffIdleLock
        self.deskReader = deskReader
        self.documentQueue = documentQueue
        self.cardQueue = cardQueue
        self.camera = camera
        self.receiptQueue = receiptQueue
        self.eventKeepAlive = eventKeepAlive
    }
}
