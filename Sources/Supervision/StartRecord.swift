import Foundation

/// What the last start of the terminal service came to. It is kept beside the service's data, so
/// that `sskiosk diag` can say that a start failed, and after which upgrade, even while the service
/// is down and its journal is out of reach.
public struct StartRecord: Codable, Sendable, Equatable {
    /// How far the start got.
    public enum Outcome: String, Codable, Sendable {
        /// Begun and not yet listening; left so when the process died without a word.
        case starting
        /// Listening and answering.
        case ready
        /// Stopped by an error before it listened.
        case failed
    }

    /// The version that started.
    public var version: String
    public var outcome: Outcome
    /// When the outcome was reached.
    public var at: Date
    /// Why the start failed, as the error said it: the service's errors carry no personal data.
    public var failure: String?
    /// The last version that reached `ready`; a different `version` means this start follows an upgrade.
    public var lastReadyVersion: String?

    public init(
        version: String, outcome: Outcome, at: Date, failure: String? = nil, lastReadyVersion: String? = nil
    ) {
        self.version = version
        self.outcome = outcome
        self.at = at
        self.failure = failure
        self.lastReadyVersion = lastReadyVersion
    }

    /// The version this start upgraded from, when it follows an upgrade.
    public var upgradedFrom: String? {
        guard let lastReadyVersion, lastReadyVersion != version else { return nil }
        return lastReadyVersion
    }
}
