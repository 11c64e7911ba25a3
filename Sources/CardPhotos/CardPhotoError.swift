import CodedErrors

/// Why a photo cannot go on a card: it is no JPEG, or it breaks the standard. Each problem is said
/// in words a clerk can tell a resident or a photo studio.
public struct CardPhotoError: CodedError {
    public enum Code: Hashable, Sendable {
        case notAJPEG
        case tooLarge
        case outsideStandard
        case cameraFailed
        case noCamera
    }

    public let code: Code
    public let message: String
    /// Each way the photo breaks the standard, in Chinese, for the desk to list.
    public let problems: [String]

    private init(_ code: Code, _ message: String, problems: [String] = []) {
        self.code = code
        self.message = message
        self.problems = problems
    }

    public static let notAJPEG = Self(
        .notAJPEG, "The file is not a JPEG image: scan or export the photo as JPEG and try again.")

    public static func tooLarge(bytes: Int) -> Self {
        Self(
            .tooLarge,
            "The file is \(bytes) bytes; a card photo is at most \(CardPhotoStandard.maximumBytes). "
                + "Ask the photo studio for the card photo file.")
    }

    /// The camera gave no photo; GStreamer's words are kept for the technician.
    public static func cameraFailed(_ detail: String) -> Self {
        let line = detail.split(separator: "\n").last.map(String.init) ?? ""
        return Self(
            .cameraFailed,
            "The camera gave no photo: check that it is plugged in and not in use by another program"
                + (line.isEmpty ? "." : " (\(line)).") + " A photo from a file works meanwhile.")
    }

    public static let noCamera = Self(
        .noCamera, "This desk has no camera configured (`camera` in terminal.json): take the photo from a file.")

    public static func outsideStandard(_ problems: [String]) -> Self {
        Self(
            .outsideStandard, "The photo does not meet the card photo standard: " + problems.joined(separator: "; "),
            problems: problems)
    }
}
