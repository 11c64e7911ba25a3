import Crypto
import Foundation
import KioskCore
import Testing
import X509

@testable import Centre

/// Enrolment at the centre, on both stores: a code enrols once and not after it expires, a wrong
/// code is refused as an unknown one, a rotation replaces certificate and token together, and a
/// revocation ends them. Certificates come from a real ``TerminalAuthority`` for real requests.
@Suite struct TerminalEnrolmentTests {
    /// A CA in a fresh directory, removed after `body`.
    static func withAuthority(_ body: (TerminalAuthority) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-ca-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await body(try TerminalAuthority.create(in: directory, at: Fixtures.now))
    }

    /// A certificate request signed with a new P-256 key, as `sskiosk enrol` makes it.
    static func request(subject: String = "sskiosk terminal") throws -> (key: P256.Signing.PrivateKey, pem: String) {
        let key = P256.Signing.PrivateKey()
        let csr = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName(subject) }, privateKey: .init(key),
            attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256)
        return (key, try csr.serializeAsPEM().pemString)
    }

    static func enrolment(_ code: String, signingKey: Curve25519.Signing.PrivateKey = .init()) throws
        -> TerminalEnrolmentRequest
    {
        TerminalEnrolmentRequest(
            code: code, certificateRequest: try request().pem,
            signingKey: signingKey.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined())
    }

    @Test func theCAKeepsItsKeyPrivateAndIssuesForTheRequestKeyUnderTheCodeName() async throws {
        try await Self.withAuthority { authority in
            let mode = try FileManager.default.attributesOfItem(atPath: authority.directory + "/ca.key")[
                .posixPermissions]
            #expect(mode as? Int == 0o600)
            #expect(try TerminalAuthority.open(authority.directory).certificate == authority.certificate)
            #expect(throws: CentreError.self) { try TerminalAuthority.create(in: authority.directory) }

            let (key, pem) = try Self.request(subject: "T-999")
            let certificate = try authority.issue(pem, to: "T-101", at: Fixtures.now)
            #expect(certificate.publicKey == Certificate.PublicKey(key.publicKey))
            #expect(certificate.subject == (try DistinguishedName { CommonName("T-101") }))
            #expect(certificate.issuer == authority.certificate.subject)
            #expect(authority.certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
            #expect(try certificate.extensions.extendedKeyUsage?.contains(.clientAuth) == true)

            // A request whose signature is not its key's: whoever sent it may not hold the key.
            let other = try Self.request()
            var forged = try CertificateSigningRequest(pemEncoded: other.pem)
            forged = try CertificateSigningRequest(
                version: forged.version, subject: forged.subject, publicKey: .init(P256.Signing.PrivateKey().publicKey),
                attributes: forged.attributes, signatureAlgorithm: forged.signatureAlgorithm,
                signature: forged.signature)
            #expect(throws: CentreError.malformedEnrolment("")) {
                try authority.issue(try forged.serializeAsPEM().pemString, to: "T-101", at: Fixtures.now)
            }
        }
    }

    @Test func codesAreTypableAndMatchAsTyped() {
        let (code, record) = TerminalEnrolmentCode.issue(
            for: "T-1", jurisdiction: try! Jurisdiction(Fixtures.home), name: "T-1", lifetime: 30 * 86_400,
            at: Fixtures.now)
        #expect(code.count == 14)
        #expect(
            record.codeHash == TerminalEnrolmentCode.hash(code.lowercased().replacingOccurrences(of: "-", with: "")))
        #expect(!record.codeHash.contains(code))
        #expect(record.expiresAt == Fixtures.now.addingTimeInterval(TerminalEnrolmentCode.maximumLifetime))
    }

    @Test(arguments: StoreKind.testable)
    func aCodeEnrolsOnceBeforeItExpiresAndAWrongOneIsRefusedAlike(_ kind: StoreKind) async throws {
        try await Self.withAuthority { authority in
            try await kind.withStore { store in
                let home = try Jurisdiction(Fixtures.home)
                let now = Fixtures.now
                let enrolment = TerminalEnrolment(store: store, authority: authority)
                let (code, record) = TerminalEnrolmentCode.issue(
                    for: "T-9", jurisdiction: home, name: "九号", lifetime: 3600, at: now)
                try await store.issueEnrolmentCode(record, rotating: false)

                await #expect(throws: CentreError.enrolmentCodeRefused) {
                    try await enrolment.enrol(try Self.enrolment("0000-0000-0000"), at: now)
                }
                let signingKey = Curve25519.Signing.PrivateKey()
                let answer = try await enrolment.enrol(
                    try Self.enrolment(code.lowercased(), signingKey: signingKey), at: now.addingTimeInterval(60))
                #expect(answer.terminalID == "T-9")
                #expect(answer.jurisdiction == Fixtures.home)
                let terminal = try #require(try await store.terminal(tokenHash: TerminalToken.hash(answer.token)))
                #expect(terminal.id == "T-9")
                #expect(terminal.name == "九号")
                #expect(
                    terminal.certificateFingerprint
                        == TerminalAuthority.fingerprint(
                            der: try Certificate(pemEncoded: answer.certificate).serializeAsPEM().derBytes))
                #expect(
                    terminal.signingKey
                        == signingKey.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined())
                #expect(terminal.revokedAt == nil)

                // Used once: a second use is refused as a wrong code is.
                await #expect(throws: CentreError.enrolmentCodeRefused) {
                    try await enrolment.enrol(try Self.enrolment(code), at: now.addingTimeInterval(120))
                }
                // A first code for an id taken is refused; a rotation's code for an unknown id too.
                let (_, taken) = TerminalEnrolmentCode.issue(
                    for: "T-9", jurisdiction: home, name: "", lifetime: 60, at: now)
                await #expect(throws: CentreError.terminalExists) {
                    try await store.issueEnrolmentCode(taken, rotating: false)
                }
                let (_, stranger) = TerminalEnrolmentCode.issue(
                    for: "T-404", jurisdiction: home, name: "", lifetime: 60, at: now)
                await #expect(throws: CentreError.unknownTerminal) {
                    try await store.issueEnrolmentCode(stranger, rotating: true)
                }

                // Expired: refused alike, and nothing is written.
                let (late, expiring) = TerminalEnrolmentCode.issue(
                    for: "T-10", jurisdiction: home, name: "", lifetime: 3600, at: now)
                try await store.issueEnrolmentCode(expiring, rotating: false)
                await #expect(throws: CentreError.enrolmentCodeRefused) {
                    try await enrolment.enrol(try Self.enrolment(late), at: now.addingTimeInterval(3600))
                }
                #expect(try await store.terminal(id: "T-10") == nil)
                // A malformed request with a good code leaves the code good.
                var broken = try Self.enrolment(late)
                broken.certificateRequest = "not a request"
                await #expect(throws: CentreError.malformedEnrolment("")) {
                    try await enrolment.enrol(broken, at: now.addingTimeInterval(10))
                }
                #expect(
                    try await enrolment.enrol(try Self.enrolment(late), at: now.addingTimeInterval(20)).terminalID
                        == "T-10")
            }
        }
    }

    @Test(arguments: StoreKind.testable)
    func rotationReplacesCertificateAndTokenTogetherAndRevocationEndsThem(_ kind: StoreKind) async throws {
        try await Self.withAuthority { authority in
            try await kind.withStore { store in
                let home = try Jurisdiction(Fixtures.home)
                let now = Fixtures.now
                let enrolment = TerminalEnrolment(store: store, authority: authority)
                let (code, record) = TerminalEnrolmentCode.issue(
                    for: "T-9", jurisdiction: home, name: "T-9", lifetime: 3600, at: now)
                try await store.issueEnrolmentCode(record, rotating: false)
                let first = try await enrolment.enrol(try Self.enrolment(code), at: now)
                let before = try #require(try await store.terminal(id: "T-9"))

                let (rotation, rotating) = TerminalEnrolmentCode.issue(
                    for: "T-9", jurisdiction: home, name: "T-9", lifetime: 3600, at: now)
                try await store.issueEnrolmentCode(rotating, rotating: true)
                // Until the new code is used, the old pair still works.
                #expect(try await store.terminal(tokenHash: TerminalToken.hash(first.token))?.id == "T-9")
                let second = try await enrolment.enrol(try Self.enrolment(rotation), at: now.addingTimeInterval(60))
                #expect(try await store.terminal(tokenHash: TerminalToken.hash(first.token)) == nil)
                let after = try #require(try await store.terminal(tokenHash: TerminalToken.hash(second.token)))
                #expect(after.certificateFingerprint != before.certificateFingerprint)
                #expect(after.signingKey != before.signingKey)

                // A code open at revocation is withdrawn with the pair.
                let (open, pending) = TerminalEnrolmentCode.issue(
                    for: "T-9", jurisdiction: home, name: "T-9", lifetime: 3600, at: now)
                try await store.issueEnrolmentCode(pending, rotating: true)
                try await store.revokeTerminal("T-9", at: now.addingTimeInterval(120))
                #expect(try await store.terminal(id: "T-9")?.revokedAt == now.addingTimeInterval(120))
                await #expect(throws: CentreError.enrolmentCodeRefused) {
                    try await enrolment.enrol(try Self.enrolment(open), at: now.addingTimeInterval(180))
                }
                await #expect(throws: CentreError.unknownTerminal) { try await store.revokeTerminal("T-404", at: now) }
            }
        }
    }
}
