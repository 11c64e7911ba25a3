import Foundation

/// How a terminal service runs: where it listens, which reader is the resident's, how long an
/// idle session lasts.
public struct KioskServerConfiguration: Sendable {
    /// Localhost only by default: the pages and the API are for this terminal's own browser.
    public var host: String
    public var port: Int
    /// The reader residents insert their card into.
    public var residentReader: String
    public var idleTimeout: TimeInterval

    public init(
        host: String = "127.0.0.1", port: Int = 8080, residentReader: String = "Virtual PCD 00 00",
        idleTimeout: TimeInterval = 120
    ) {
        self.host = host
        self.port = port
        self.residentReader = residentReader
        self.idleTimeout = idleTimeout
    }
}
