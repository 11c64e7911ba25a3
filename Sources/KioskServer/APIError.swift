import Foundation
import Hummingbird
import KioskCore
import SmartCard
import SocialSecurityCard

/// The API's error body: a stable code, a message in Chinese and English, and the HTTP status.
/// Every error a handler throws reaches the client as one of these (``APIErrorMiddleware``).
struct APIError: HTTPResponseError, Encodable {
    let status: HTTPResponse.Status
    let code: String
    let messageChinese: String
    let message: String

    init(status: HTTPResponse.Status, code: String, chinese: String, english: String) {
        self.status = status
        self.code = code
        self.messageChinese = chinese
        self.message = english
    }

    init(_ error: KioskError) {
        self.init(
            status: .init(code: error.httpStatus), code: error.code, chinese: error.messageChinese,
            english: error.message)
    }

    /// Card errors, said for the resident at the kiosk.
    init(_ error: SocialSecurityCardError) {
        let (status, code, chinese): (HTTPResponse.Status, String, String) =
            if let tries = error.triesLeft {
                (.unauthorized, "wrong-pin", "密码错误，还可以再试\(tries)次。")
            } else {
                switch error {
                case .pinBlocked: (.init(code: 423), "pin-blocked", "密码已锁定，请携带社保卡和身份证到柜台解锁。")
                case .invalidPIN(length: 6): (.unprocessableContent, "invalid-pin", "请输入6位数字密码。")
                case .applicationBlocked, .cardBlocked: (.forbidden, "card-blocked", "此卡已被锁定或注销，请到柜台办理。")
                case _ where error.underlying != nil: (.conflict, "card-not-present", "未检测到社保卡，请重新插卡。")
                default: (.badGateway, "card-failed", "读卡失败，请取出社保卡后重新插入；如仍不行，请联系工作人员。")
                }
            }
        self.init(status: status, code: code, chinese: chinese, english: error.message)
    }

    static let internalError = APIError(
        status: .internalServerError,
        code: "internal",
        chinese: "系统出现错误，请稍后再试或联系工作人员。",
        english: "Something went wrong in the terminal service. Try again, or ask staff."
    )

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONBody.response(self, status: status)
    }

    enum CodingKeys: String, CodingKey {
        case code, messageChinese, message
    }
}

/// Turns every error a route throws into an ``APIError`` body; unknown errors are logged and
/// answered 500 without their text, which could carry personal data.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as KioskError {
            return try APIError(error).response(from: request, context: context)
        } catch let error as SocialSecurityCardError {
            return try APIError(error).response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let api = APIError(
                status: error.status, code: "http-\(error.status.code)", chinese: "请求有误。",
                english: "\(error.status.reasonPhrase).")
            return try api.response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["type": "\(type(of: error))"])
            return try APIError.internalError.response(from: request, context: context)
        }
    }
}
