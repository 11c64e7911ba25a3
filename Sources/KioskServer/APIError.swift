import Foundation
import Hummingbird
import KioskCore
import Printing
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
                case .cardChanged: (.conflict, "card-changed", "读卡器中的卡已被更换，未做任何操作。请取出后重新插入社保卡。")
                case _ where error.underlying != nil: (.conflict, "card-not-present", "未检测到社保卡，请重新插卡。")
                default: (.badGateway, "card-failed", "读卡失败，请取出社保卡后重新插入；如仍不行，请联系工作人员。")
                }
            }
        self.init(status: status, code: code, chinese: chinese, english: error.message)
    }

    static let printKeyTaken = APIError(
        status: .conflict,
        code: "print-key-taken",
        chinese: "该打印请求编号已被其他人使用，请重新发起打印。",
        english: "Another person's print job holds this key. Start the print again (the page makes a new key)."
    )

    static let foreignHost = APIError(
        status: .forbidden,
        code: "foreign-host",
        chinese: "请求的主机名不属于本终端。",
        english: "This request names a host that is not this terminal."
    )

    static let foreignOrigin = APIError(
        status: .forbidden,
        code: "foreign-origin",
        chinese: "只有本终端自己的页面可以使用此接口。",
        english: "Only this terminal's own pages may use its API."
    )

    static let tooManyStreams = APIError(
        status: .serviceUnavailable,
        code: "too-many-streams",
        chinese: "事件连接过多，请关闭多余的页面后重试。",
        english: "Too many event streams are open. Close other pages of this terminal and try again."
    )

    static let malformedBody = APIError(
        status: .badRequest,
        code: "malformed-body",
        chinese: "请求内容格式有误。",
        english: "The request body is not the JSON this endpoint expects."
    )

    static let jsonOnly = APIError(
        status: .unsupportedMediaType,
        code: "json-only",
        chinese: "请求内容必须是JSON。",
        english: "The request body must be sent as application/json."
    )

    static let noCardKeys = APIError(
        status: .serviceUnavailable,
        code: "no-card-keys",
        chinese: "本终端未配置写卡密钥（PSAM）。请技术员检查PSAM卡和读卡器。",
        english: "This terminal has no card keys (PSAM) set up. Ask a technician to check the PSAM and its reader."
    )

    static let noCentre = APIError(
        status: .serviceUnavailable,
        code: "no-centre",
        chinese: "本终端未连接中心，无法核验凭证。",
        english:
            "This terminal runs without a centre, so documents cannot be checked here. Check it at a desk that has one."
    )

    static let centreUnreachable = APIError(
        status: .serviceUnavailable,
        code: "centre-unreachable",
        chinese: "暂时连不上中心，请稍后再核验。",
        english: "The centre cannot be reached just now. Try the check again later."
    )

    static let notACertificateCode = APIError(
        status: .unprocessableContent,
        code: "not-a-certificate-code",
        chinese: "二维码内容无法识别，不是本系统出具的凭证。",
        english: "The scanned text is not a certificate code of this system. Scan the code again."
    )

    static let notAReceiptCode = APIError(
        status: .unprocessableContent,
        code: "not-a-receipt-code",
        chinese: "这不是受理回执上的二维码，请扫描回执右上角的二维码。",
        english: "This is not the code of an application's receipt. Scan the code on the receipt."
    )

    static let receiptAltered = APIError(
        status: .conflict,
        code: "receipt-altered",
        chinese: "该回执二维码核验未通过，请到窗口咨询。",
        english: "This receipt's code does not check out. Please ask at the desk."
    )

    static let receiptNotYetKnown = APIError(
        status: .notFound,
        code: "receipt-not-yet-known",
        chinese: "暂时查不到该申请，可能尚未上传到中心，请稍后再查或到窗口咨询。",
        english:
            "The application cannot be found yet: the terminal that took it may not have reached the centre. Try again later or ask at the desk."
    )

    static let cardNotPersonalised = APIError(
        status: .conflict,
        code: "card-not-personalised",
        chinese: "该卡尚未写卡完成，不能打印卡面。请先完成写卡。",
        english: "This card has not been personalised yet, so its face cannot be printed. Personalise it first."
    )

    /// A card pulled or swapped while it was being written: nothing is recorded, and the journal
    /// lets the same card carry on where it stopped.
    static let personalisationInterrupted = APIError(
        status: .conflict,
        code: "personalisation-interrupted",
        chinese: "写卡中断（卡片被取出或更换）。卡片记录未改变。请将同一张卡放回读卡器后重新写卡，将从中断处继续。",
        english:
            "Writing the card was interrupted (the card was pulled or swapped). The card record is unchanged. Put the same card back and personalise again: it carries on where it stopped."
    )

    /// The chip in the desk reader refused the unblock's MAC: it is another card than the one on
    /// record (or the terminal's keys are not its issuer's). Nothing changed on the card.
    static let unblockRefused = APIError(
        status: .conflict,
        code: "unblock-refused",
        chinese: "读卡器中的卡拒绝解锁：它不是所选的这张卡，或本终端的密钥与该卡不符。卡片未改变。请核对读卡器中的卡。",
        english:
            "The card in the desk reader refused the unblock: it is not the card selected, or this terminal's keys are not its keys. Nothing changed on the card. Check the card in the reader."
    )

    static func printerUnavailable(_ error: PrintingError) -> APIError {
        APIError(
            status: .serviceUnavailable,
            code: "printer-unavailable",
            chinese: "暂时无法提交打印，请稍后再试或联系工作人员。",
            english:
                "The document could not be sent to the printer. Try again shortly, or ask staff. (\(error.message))")
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
        } catch let error as SmartCardError {
            // The reader's own errors, before any card session wrapped them: no card, reader gone.
            return try APIError(SocialSecurityCardError.transport(error)).response(from: request, context: context)
        } catch let error as PrintingError {
            return try APIError.printerUnavailable(error).response(from: request, context: context)
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
