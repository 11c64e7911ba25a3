import Foundation
import KioskCore
import Supervision

/// The checks of the service side: the terminal service, how its last start went, its local cache,
/// and the link to the centre (reachable, its certificate, the clock against it).
public struct ServiceDiagnostics: Sendable {
    /// Where the terminal service listens; `nil`: not checked (diagnostics run by the service itself).
    public var serviceURL: String?
    /// The terminal's SQLite file; `nil`: not checked.
    public var database: String?
    /// The store's reading of a cache file (`SQLiteKioskStore.health(ofCacheAt:)`), for the check to judge.
    public var readCache: @Sendable (String) throws(CacheFileError) -> CacheHealth
    /// The centre's base URL; `nil`: not configured, the link is not checked.
    public var centre: String?
    /// A PEM file of the CA the centre's certificate must chain to; `nil`: the system's roots.
    public var centreCA: String?

    public init(
        serviceURL: String? = "http://127.0.0.1:8080", database: String? = nil,
        readCache: @escaping @Sendable (String) throws(CacheFileError) -> CacheHealth, centre: String? = nil,
        centreCA: String? = nil
    ) {
        self.serviceURL = serviceURL
        self.database = database
        self.readCache = readCache
        self.centre = centre
        self.centreCA = centreCA
    }

    public var checks: [any Check] {
        var checks: [any Check] = []
        if let serviceURL { checks.append(TerminalServiceCheck(baseURL: serviceURL)) }
        if let database {
            checks.append(ServiceStartCheck(record: StartRecordFile(besideDatabase: database)))
            checks.append(CacheCheck(path: database, read: readCache))
        }
        if let centre {
            checks.append(CentreCheck(url: centre))
            checks.append(CentreCertificateCheck(url: centre, caFile: centreCA))
            checks.append(ClockSkewCheck(url: centre))
        }
        return checks
    }
}
