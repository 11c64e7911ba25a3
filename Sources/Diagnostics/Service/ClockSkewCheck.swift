import AsyncHTTPClient
import Foundation
import KioskCore
import NIOCore
import NIOSSL

/// Is this terminal's clock right? Compares it with the `Date` header of the centre's answer.
/// Card cryptography, certificates and the ledger's times all depend on it.
struct ClockSkewCheck: Check {
    var url: String
    var now: @Sendable () -> Date = Date.init
    let name = "clock"
    let category = CheckCategory.service
    let prerequisites = ["centre"]

    static let warnAfter: TimeInterval = 30
    static let failAfter: TimeInterval = 300

    func run() async -> CheckResult {
        var request = HTTPClientRequest(url: url)
        request.method = .HEAD
        // Only the time is wanted here: the certificate is the previous check's business.
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        request.tlsConfiguration = tls
        let sent = now()
        let header: String?
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(3))
            header = response.headers.first(name: "Date")
        } catch {
            return .warn(
                "the clock was not compared: the centre did not answer over HTTP (\(NetworkFailure.describe(error)))",
                fix: "Fix the link to the centre first")
        }
        let received = now()
        guard let header, let centreTime = HTTPDate.parse(header) else {
            return .warn(
                "the clock was not compared: the centre's answer has no usable Date header",
                fix: "Compare the terminal's clock with a trusted one by hand (date -u), and set it if it is off")
        }
        // The centre stamped its answer somewhere between sending and receiving; its header has whole seconds.
        let local = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
        let skew = local.timeIntervalSince(centreTime)
        let words =
            "this terminal's clock is \(abs(skew).formatted(maximumFractionDigits: 0)) s \(skew >= 0 ? "ahead of" : "behind") the centre's"
        let details: [String: DetailValue] = [
            "skewSeconds": .number(skew), "centreDate": "\(header)",
            "local": "\(ISO8601DateFormatter().string(from: local))",
        ]
        let fix = TechnicianFix.setClock
        if abs(skew) > Self.failAfter {
            return .fail("\(words): card keys and certificates will be refused", fix: fix, details: details)
        }
        if abs(skew) > Self.warnAfter { return .warn(words, fix: fix, details: details) }
        return .pass(words + " (within \(Int(Self.warnAfter)) s)", details: details)
    }
}
