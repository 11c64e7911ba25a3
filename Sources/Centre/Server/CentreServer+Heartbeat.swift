import Foundation
import Hummingbird
import KioskCore

extension CentreServer {
    /// `POST /sync/v1/heartbeat`: the terminal's devices and sync, kept in place of its last
    /// heartbeat, with its clock's distance from the centre's. Answers 204.
    func heartbeat(_ request: Request, _ context: CentreRequestContext) async throws -> Response {
        let terminal = try context.requireTerminal()
        let beat = try await CentreJSON.decode(
            TerminalHeartbeat.self, from: request, limit: TerminalHeartbeat.maximumBytes)
        try await store.recordHeartbeat(StoredHeartbeat(terminalID: terminal.id, receivedAt: Date(), heartbeat: beat))
        return Response(status: .noContent)
    }
}
