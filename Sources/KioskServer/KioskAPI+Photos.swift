import CardPhotos
import Foundation
import Hummingbird
import KioskCore

/// A card's photo at the desk: a JPEG from a photo studio's file or a scan, checked against the card
/// photo standard before it is kept, shown back to the clerk, and printed on the card's face.
extension KioskAPI {
    var photoRoutes: [APIRoute<Context>] {
        [
            APIRoute(.put, "/api/cards/{cardNumber}/photo", keepPhoto),
            APIRoute(.get, "/api/cards/{cardNumber}/photo", cardPhoto),
            APIRoute(.post, "/api/cards/{cardNumber}/photo/camera", photoFromCamera),
        ]
    }

    /// The body is the JPEG itself (`Content-Type: image/jpeg`); a photo outside the standard is 422
    /// with every problem listed in Chinese for the clerk to tell the resident or the studio.
    private func keepPhoto(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        _ = try await services.photoCard(cardNumber, for: principal)
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard mediaType?.lowercased() == "image/jpeg" else { throw APIError.jpegOnly }
        let body = try await request.body.collect(upTo: CardPhotoStandard.maximumBytes + 1)
        return try await keep([UInt8](buffer: body), forCard: cardNumber, by: principal)
    }

    /// A photo from the desk's camera, framed by the clerk: cropped and scaled to the card photo's
    /// size, then checked and kept like a file's.
    private func photoFromCamera(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        _ = try await services.photoCard(cardNumber, for: principal)
        guard let camera = configuration.camera else { throw APIError.photo(.noCamera) }
        let jpeg: [UInt8]
        do {
            jpeg = try await CameraCapture(source: camera).jpeg()
        } catch {
            throw APIError.photo(error)
        }
        return try await keep(jpeg, forCard: cardNumber, by: principal)
    }

    private func keep(_ jpeg: [UInt8], forCard cardNumber: String, by principal: Principal) async throws -> Response {
        let photo: CardPhoto
        do {
            photo = try CardPhoto(checking: jpeg)
        } catch {
            throw APIError.photo(error)
        }
        try await services.keepPhoto(photo.jpeg, forCard: cardNumber, by: principal)
        return try JSONBody.response(PhotoKept(cardNumber: cardNumber, bytes: photo.jpeg.count))
    }

    struct PhotoKept: Encodable {
        var cardNumber: String
        var bytes: Int
    }

    private func cardPhoto(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        guard let jpeg = try await services.photo(ofCard: cardNumber, for: principal) else {
            throw KioskError.notFound("photo", chinese: "该卡的照片")
        }
        // A face is personal data: never kept in a cache.
        return Response(
            status: .ok, headers: [.contentType: "image/jpeg", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: jpeg)))
    }
}

extension APIError {
    static let jpegOnly = APIError(
        status: .unsupportedMediaType,
        code: "jpeg-only",
        chinese: "照片须为JPEG文件。",
        english: "Send the photo as image/jpeg."
    )

    /// A photo refused: what is wrong with it, every problem at once.
    static func photo(_ error: CardPhotoError) -> APIError {
        switch error.code {
        case .notAJPEG:
            APIError(
                status: .unprocessableContent, code: "photo-not-jpeg", chinese: "文件不是JPEG照片，请重新扫描或导出为JPEG。",
                english: error.message)
        case .tooLarge:
            APIError(
                status: .contentTooLarge, code: "photo-too-large", chinese: "照片文件过大，请向照相馆索取社保卡照片文件。",
                english: error.message)
        case .cameraFailed:
            APIError(
                status: .serviceUnavailable, code: "camera-failed",
                chinese: "摄像头未能拍照：请检查摄像头是否连接、是否被其他程序占用；也可从文件导入照片。", english: error.message)
        case .noCamera:
            APIError(
                status: .conflict, code: "no-camera", chinese: "本窗口未配置摄像头，请从文件导入照片。", english: error.message)
        case .outsideStandard:
            APIError(
                status: .unprocessableContent, code: "photo-outside-standard",
                chinese: "照片不符合社保卡照片标准：" + error.problems.joined(separator: "；"), english: error.message)
        }
    }
}
