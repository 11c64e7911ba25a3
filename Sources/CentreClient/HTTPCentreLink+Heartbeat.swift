import Foundation
import KioskCore
import NIOCore
import NIOFoundationCompat

extension HTTPCentreLink: HeartbeatLink {
    public func heartbeat(_ beat: TerminalHeartbeat) async throws {
        let path = "/sync/v1/heartbeat"
        var http = makeRequest(path, method: .POST)
        http.headers.add(name: "Content-Type", value: "application/json")
        http.body = .bytes(ByteBuffer(data: try SyncJSON.encoder().encode(beat)))
        _ = try await send(http, path, timeout: .seconds(30))
    }
}
