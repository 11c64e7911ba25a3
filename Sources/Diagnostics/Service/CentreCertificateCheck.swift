import Foundation
import NIOSSL

/// Is the centre's certificate good: in its dates, chained to the centre's CA, for the centre's
/// name? When it is not, says which, because the fixes differ (renew it, fix the clock, install
/// the right CA, fix the address).
struct CentreCertificateCheck: Check {
    var url: String
    var caFile: String?
    var now: @Sendable () -> Date = Date.init
    let name = "centre-certificate"
    let category = CheckCategory.service
    let prerequisites = ["centre"]

    /// Fewer days than this before expiry is worth a warning.
    static let renewalWarningDays = 30

    func run() async -> CheckResult {
        guard let address = ServerAddress(url) else { return ServerAddress.malformed(url) }
        guard address.isTLS else {
            return .warn(
                "the centre is addressed over plain http: nothing proves it is the centre, and the link is not encrypted",
                fix: "Use the centre's https address (--centre https://...)")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            return .fail(
                "the centre's CA file \(caFile) cannot be read",
                fix: "Install the CA certificate the centre's operator issued (PEM) and give its path with --centre-ca")
        }
        // Verified, for the verdict; then unverified, to read the certificate whatever the verdict.
        async let verifying = TLSProbe(address: address, caFile: caFile, verify: true).run()
        async let presenting = TLSProbe(address: address, verify: false).run()
        let (verified, presented) = await (verifying, presenting)
        let trust = caFile.map { "the CA in \($0)" } ?? "the system's CAs"
        guard let leaf = verified.leaf ?? presented.leaf else {
            let failure = presented.failure ?? verified.failure
            return .fail(
                "the centre sent no certificate: \(failure.map(NetworkFailure.describe) ?? "the handshake ended early")",
                fix: "The centre's TLS set-up is broken: report it to the centre's operator")
        }
        let notBefore = Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore))
        let notAfter = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter))
        let today = now()
        let daysLeft = Int(notAfter.timeIntervalSince(today) / 86_400)
        let details: [String: DetailValue] = [
            "notBefore": "\(Self.day(notBefore))", "notAfter": "\(Self.day(notAfter))", "daysLeft": .integer(daysLeft),
            "trust": "\(trust)",
        ]
        if today > notAfter {
            return .fail(
                "the centre's certificate expired on \(Self.day(notAfter))",
                fix:
                    "If this terminal's date (\(Self.day(today))) is right, the centre must renew its certificate; otherwise set the clock",
                details: details)
        }
        if today < notBefore {
            return .fail(
                "the centre's certificate is not valid before \(Self.day(notBefore)): this terminal's clock is probably behind",
                fix: "Set the terminal's clock (timedatectl set-ntp true), then check again", details: details)
        }
        if let failure = verified.failure {
            if let error = failure as? NIOSSLExtraError, error == .failedToValidateHostname {
                return .fail(
                    "the centre's certificate is not for \(address.host)",
                    fix: "Address the centre by the name in its certificate (check --centre)", details: details)
            }
            return .fail(
                "the centre's certificate does not chain to \(trust): \(NetworkFailure.describe(failure))",
                fix:
                    "Install the CA certificate the centre's operator issued and give it with --centre-ca; if it is already there, the link may be intercepted",
                details: details)
        }
        if daysLeft < Self.renewalWarningDays {
            return .warn(
                "the centre's certificate expires in \(daysLeft) day(s), on \(Self.day(notAfter))",
                fix: "Tell the centre's operator to renew it", details: details)
        }
        return .pass(
            "the centre's certificate chains to \(trust) and is valid until \(Self.day(notAfter)) (\(daysLeft) days)",
            details: details)
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
