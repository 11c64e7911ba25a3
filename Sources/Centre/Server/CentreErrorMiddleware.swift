import Foundation
import Hummingbird
import KioskCore

/// Every error a route throws, as the JSON body terminals read: `code`, `messageChinese`, `message`
/// (the same shape as the terminal service's API errors). Unknown errors are logged by type only and
/// answered 500 without their text, which could carry personal data.
struct CentreErrorMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: CentreRequestContext,
        next: (Request, CentreRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as CentreError {
            return try Self.response(error)
        } catch let error as KioskError {
            // The rules the console shares with the terminal's sign-in (a lock, a weak password) say it in their words.
            return try CentreJSON.response(
                ErrorBody(code: error.code, messageChinese: error.messageChinese, message: error.message),
                status: .init(code: error.httpStatus))
        } catch let error as HTTPResponseError {
            return try CentreJSON.response(
                ErrorBody(
                    code: "http-\(error.status.code)", messageChinese: "请求有误。",
                    message: "\(error.status.reasonPhrase)."),
                status: error.status)
        } catch {
            context.logger.error("unhandled error", metadata: ["type": "\(type(of: error))"])
            return try Self.response(.internalError)
        }
    }

    static func response(_ error: CentreError) throws -> Response {
        var response = try CentreJSON.response(
            ErrorBody(code: error.codeName, messageChinese: error.messageChinese, message: error.message),
            status: .init(code: error.httpStatus))
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    struct ErrorBody: Encodable {
        let code: String
        let messageChinese: String
        let message: String
    }
}
