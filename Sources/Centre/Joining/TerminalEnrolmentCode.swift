import Crypto
import Documents
import Foundation
import HexCoding
import KioskCore

/// The one-time code a county administrator gives a terminal's installer: 60 random bits as twelve
/// Crockford Base32 digits (`7KQ2-M9XD-4HPA`), easy to read out and to type, printed once. The centre
/// keeps only its SHA-256; the code is good for one enrolment, until it expires.
public enum TerminalEnrolmentCode {
    /// The longest a code may stay open.
    public static let maximumLifetime: TimeInterval = 7 * 24 * 3600

    /// A new code for `terminalID` and the record the centre keeps of it.
    public static func issue(
        for terminalID: String, jurisdiction: Jurisdiction, name: String, lifetime: TimeInterval, at now: Date
    ) -> (code: String, record: StoredEnrolmentCode) {
        let code = CrockfordBase32.random(digits: 12)
        let record = StoredEnrolmentCode(
            codeHash: hash(code), terminalID: terminalID, jurisdiction: jurisdiction, name: name, issuedAt: now,
            expiresAt: now.addingTimeInterval(min(lifetime, maximumLifetime)))
        return (code, record)
    }

    /// The hash a typed code is looked up by: case, dashes and the letters Base32 confuses do not matter.
    public static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(CrockfordBase32.normalised(code).utf8)).compactHexString.lowercased()
    }
}
