import Foundation
import Hummingbird
import KioskCore

/// The kiosk page's heartbeat (``PageHeartbeat``): the page posts, the kiosk shell's watchdog reads.
extension KioskAPI {
    var heartbeatRoutes: [APIRoute<Context>] {
        [
            APIRoute(.post, "/api/kiosk/heartbeat", beat),
            APIRoute(.get, "/api/kiosk/heartbeat", lastBeat),
        ]
    }

    struct HeartbeatRequest: Decodable {
        /// The id the page chose when it loaded: a new one tells a reloaded or restarted page.
        var page: String
    }

    struct HeartbeatStatus: Encodable {
        var page: String
        /// Whole seconds since the page's last heartbeat, as the launcher's shell compares them.
        var ageSeconds: Int
    }

    private func beat(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONBody.decode(HeartbeatRequest.self, from: request)
        let allowed = { (character: Character) in
            character.isASCII && (character.isLetter || character.isNumber || character == "-")
        }
        guard (1...64).contains(body.page.utf8.count), body.page.allSatisfy(allowed) else {
            throw KioskError.invalid(
                "page", chinese: "页面标识有误。", english: "The page id must be 1 to 64 letters, digits or hyphens.")
        }
        heartbeat.record(page: body.page, at: now())
        return Response(status: .noContent)
    }

    /// The last heartbeat's page and age; 404 until a page has sent one.
    private func lastBeat(_ request: Request, _ context: Context) async throws -> Response {
        guard let last = heartbeat.latest else { throw KioskError.notFound("heartbeat", chinese: "自助页面心跳") }
        let age = Int(max(0, now().timeIntervalSince(last.at)).rounded(.down))
        return try JSONBody.response(HeartbeatStatus(page: last.page, ageSeconds: age))
    }
}
