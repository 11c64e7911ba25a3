import Subprocess

/// One photo from the desk PC's camera through GStreamer (`gst-launch-1.0` from Debian's
/// gstreamer1.0-tools and plugins-good): a frame from the source, cropped to the card photo's
/// proportions around its middle, scaled to 358 × 441 and encoded as JPEG on standard output. The
/// clerk frames the resident; ``CardPhoto`` then checks the result like any other photo.
public struct CameraCapture: Sendable {
    /// The GStreamer source and its properties, as gst-launch writes them: `v4l2src device=/dev/video0`
    /// for a V4L2 camera.
    public var source: [String]
    public var launcher: String

    public init(source: [String], launcher: String = "/usr/bin/gst-launch-1.0") {
        self.source = source
        self.launcher = launcher
    }

    /// The frame as a JPEG of the card photo's size; ``CardPhotoError/cameraFailed(_:)`` when the
    /// pipeline cannot run or gives nothing (no camera, a camera in use, GStreamer missing).
    public func jpeg() async throws(CardPhotoError) -> [UInt8] {
        let pipeline =
            ["-q"] + source + [
                "!", "decodebin", "!", "videoconvert", "!", "aspectratiocrop",
                "aspect-ratio=\(CardPhotoStandard.width)/\(CardPhotoStandard.height)", "!", "videoscale", "!",
                "video/x-raw,width=\(CardPhotoStandard.width),height=\(CardPhotoStandard.height)", "!", "jpegenc",
                "quality=92", "!", "fdsink", "fd=1",
            ]
        do {
            let result = try await Subprocess.run(
                .path(.init(launcher)), arguments: Arguments(pipeline),
                output: .bytes(limit: CardPhotoStandard.maximumBytes),
                error: .string(limit: 4096))
            guard result.terminationStatus.isSuccess, !result.standardOutput.isEmpty else {
                throw CardPhotoError.cameraFailed(result.standardError)
            }
            return result.standardOutput
        } catch let error as CardPhotoError {
            throw error
        } catch {
            throw .cameraFailed("\(error)")
        }
    }
}
