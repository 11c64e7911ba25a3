import Foundation
import Hummingbird
import KioskCore

/// The residents' pension window's reads: the grade table, public, and a person's personal account,
/// the resident's own at the kiosk or a clerk's read at the desk.
extension KioskAPI {
    var residentPensionRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/pension/grades") { _, _ in try JSONBody.response(try await services.pensionGrades()) },
            APIRoute(.get, "/api/me/pension-account", myPensionAccount),
            APIRoute(.get, "/api/people/{idNumber}/pension-account", pensionAccount),
        ]
    }

    private func myPensionAccount(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        return try JSONBody.response(
            try await services.pensionAccount(of: idNumber, for: .resident(idNumber: idNumber)))
    }

    private func pensionAccount(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        return try JSONBody.response(
            try await services.pensionAccount(of: try context.parameters.require("idNumber"), for: principal))
    }
}
