import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import TestSupport
import Testing

@Suite("A card's photo at the desk: checked against the standard, kept, shown back, refused with its problems")
struct CardPhotoAPITests {
    func put(_ api: StaffAPITests.Client, _ card: String, _ body: [UInt8], type: String = "image/jpeg", token: String)
        async throws -> (status: Int, text: String)
    {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = type
        let response = try await api.client.execute(
            uri: "/api/cards/\(card)/photo", method: .put, headers: headers, body: ByteBuffer(bytes: body))
        return (Int(response.status.code), String(buffer: response.body))
    }

    @Test("a studio's photo is kept and read back; a photo outside the standard is refused with every problem")
    func keepsAPhotoThatMeetsTheStandard() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            try await api.requestCard("PHOTO-1", for: terminal.here.idNumber, token: clerk)
            let photo = SyntheticPhoto.jpeg()
            let kept = try await put(api, "PHOTO-1", photo, token: clerk)
            #expect(kept.status == 200, "\(kept.text)")
            #expect(try await terminal.store.photo(ofCard: "PHOTO-1") == photo)
            let shown = try await api.client.execute(
                uri: "/api/cards/PHOTO-1/photo", method: .get, headers: [.authorization: "Bearer \(clerk)"])
            #expect(shown.status == .ok && shown.headers[.contentType] == "image/jpeg")
            #expect([UInt8](buffer: shown.body) == photo)
            let lines = try await terminal.store.ledger(about: .card(number: "PHOTO-1"))
            #expect(lines.contains { $0.action == "card.photo" && $0.detail == "bytes=\(photo.count)" })
            // The photo goes to the centre with the card, for production.
            let sent = try #require(
                try await terminal.store.pendingOutbox(limit: 10).last { $0.command == "card.photo" })
            let payload = try SyncJSON.decoder().decode(CardPhotoPayload.self, from: sent.payload)
            #expect(payload.cardNumber == "PHOTO-1" && [UInt8](payload.jpeg) == photo)

            let aside = try await put(api, "PHOTO-1", SyntheticPhoto.jpeg(headTop: 100, headCentre: 215), token: clerk)
            #expect(aside.status == 422 && aside.text.contains("photo-outside-standard"), "\(aside.text)")
            #expect(aside.text.contains("头顶离照片上边太远") && aside.text.contains("人像应居中"), "\(aside.text)")
            #expect(try await terminal.store.photo(ofCard: "PHOTO-1") == photo, "a refused photo replaces nothing")
            let text = try await put(api, "PHOTO-1", Array("{}".utf8), type: "application/json", token: clerk)
            #expect(text.status == 415)
            let garbage = try await put(api, "PHOTO-1", Array("not a jpeg".utf8), token: clerk)
            #expect(garbage.status == 422 && garbage.text.contains("photo-not-jpeg"))
            let huge = try await put(api, "PHOTO-1", [UInt8](repeating: 0xFF, count: 300_000), token: clerk)
            #expect([413, 422].contains(huge.status), "\(huge.text)")
            // This test desk has no camera: the clerk is sent to a file.
            let camera = try await api.call(.post, "/api/cards/PHOTO-1/photo/camera", token: clerk)
            #expect(camera.status == 409 && camera.body["code"] as? String == "no-camera", "\(camera.text)")
        }
    }

    @Test("an issued card's photo no longer changes")
    func tooLateOnceIssued() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            try await api.requestCard("PHOTO-2", for: terminal.here.idNumber, token: clerk)
            let cancelled = try await api.call(
                .post, "/api/cards/PHOTO-2/status", token: try await api.login("supervisor1"),
                json: #"{"status":"cancelled"}"#)
            #expect(cancelled.status == 200, "\(cancelled.text)")
            let late = try await put(api, "PHOTO-2", SyntheticPhoto.jpeg(), token: clerk)
            #expect(late.status == 409 && late.text.contains("photo-too-late"), "\(late.text)")
        }
    }
}
