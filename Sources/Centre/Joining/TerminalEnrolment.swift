@preconcurrency import Crypto
import Foundation
import HexCoding
import KioskCore

/// A terminal joining its centre: the code checked and used, a client certificate issued by the
/// centre's CA for the key the terminal made, a new token, and the terminal's document-signing key
/// kept, all in one transaction. A terminal enrolled again (after `centre terminal rotate`) gets a new
/// certificate and token, and the old pair stops working at that moment.
public struct TerminalEnrolment: Sendable {
    public let store: any CentreStore
    public let authority: TerminalAuthority

    public init(store: any CentreStore, authority: TerminalAuthority) {
        self.store = store
        self.authority = authority
    }

    public func enrol(_ request: TerminalEnrolmentRequest, at now: Date) async throws -> TerminalEnrolmentAnswer {
        guard let key = [UInt8](hex: request.signingKey), key.count == 32,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil
        else { throw CentreError.malformedEnrolment("the signing key is not 32 bytes written as 64 hex digits") }
        let signingKey = key.compactHexString.lowercased()
        let authority = authority
        let authorityPEM = try authority.certificatePEM
        return try await store.enrol(codeHash: TerminalEnrolmentCode.hash(request.code), at: now) { code in
            let certificate = try authority.issue(request.certificateRequest, to: code.terminalID, at: now)
            let token = TerminalToken.make()
            let terminal = RegisteredTerminal(
                id: code.terminalID, jurisdiction: code.jurisdiction, name: code.name,
                tokenHash: TerminalToken.hash(token), registeredAt: now,
                certificateFingerprint: try TerminalAuthority.fingerprint(certificate), signingKey: signingKey)
            let answer = TerminalEnrolmentAnswer(
                terminalID: code.terminalID, jurisdiction: code.jurisdiction.regionPrefix,
                certificate: try certificate.serializeAsPEM().pemString, authority: authorityPEM, token: token)
            return (terminal, answer)
        }
    }
}
