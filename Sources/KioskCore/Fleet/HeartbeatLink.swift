/// Where a terminal sends its heartbeat: the centre over the sync link (`CentreClient`'s
/// `HTTPCentreLink`), or an in-process one in tests. A throw is "try again at the next beat".
public protocol HeartbeatLink: Sendable {
    /// `POST /sync/v1/heartbeat`.
    func heartbeat(_ beat: TerminalHeartbeat) async throws
}
