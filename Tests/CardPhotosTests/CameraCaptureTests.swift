import CardPhotos
import Foundation
import TestSupport
import Testing

@Suite("The desk camera through GStreamer")
struct CameraCaptureTests {
    /// A 640 x 480 frame as a webcam gives it, the resident in the middle, in a file a
    /// `filesrc` reads in place of `v4l2src`.
    static func frame() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("frame-\(UUID()).jpg").path
        let jpeg = SyntheticPhoto.jpeg(width: 640, height: 480, headTop: 26, headCentre: 320, headWidth: 229)
        try Data(jpeg).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a frame is cropped to the card photo's proportions, scaled to 358 x 441, and meets the standard")
    func framesThePhoto() async throws {
        let path = try Self.frame()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let jpeg = try await CameraCapture(source: ["filesrc", "location=\(path)"]).jpeg()
        let image = try GrayImage(jpeg: jpeg)
        #expect((image.width, image.height) == (358, 441))
        #expect(CardPhotoStandard.problems(of: image) == [])
    }

    @Test("no camera there, or no GStreamer, is a clear error, not a crash")
    func failsClearly() async {
        await #expect(throws: CardPhotoError.cameraFailed("")) {
            try await CameraCapture(source: ["filesrc", "location=/nonexistent/frame.jpg"]).jpeg()
        }
        await #expect(throws: CardPhotoError.cameraFailed("")) {
            try await CameraCapture(source: ["videotestsrc", "num-buffers=1"], launcher: "/nonexistent/gst-launch")
                .jpeg()
        }
    }
}
