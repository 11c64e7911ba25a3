import CodedErrors

/// An error of the pages' side of the service: a missing resource, a template that does not
/// parse, a prompt espeak-ng could not speak. The message says what to do about it.
public struct KioskWebError: CodedError {
    public enum Code: Hashable, Sendable {
        case missingResources
        case badTemplate
        case speechFailed
    }

    public let code: Code
    /// What went wrong and what to do about it, for a technician.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func missingResources(_ what: String) -> Self {
        Self(.missingResources, "The pages' resource \(what) is missing from the build: reinstall sskiosk.")
    }

    static func badTemplate(_ name: String, _ reason: String) -> Self {
        Self(.badTemplate, "The page template \(name) does not parse (\(reason)): reinstall sskiosk.")
    }

    static func speechFailed(_ reason: String) -> Self {
        Self(
            .speechFailed,
            "espeak-ng could not speak the prompt (\(reason)): install espeak-ng (apt-get install espeak-ng).")
    }
}
