import NIOSSL
import Secrets

/// The centre's side of mutual TLS: its certificate and key, and the CAs whose terminal certificates
/// it accepts. A terminal with a certificate from another CA does not get past the handshake; one
/// without a certificate gets no further than enrolment (``TerminalAuthentication``).
public struct CentreTLS: Sendable {
    /// PEM files.
    public var certificateChain: String
    public var privateKey: String
    /// A CA of terminal certificates made by hand, beside the centre's own (``TerminalAuthority``).
    public var clientCA: String?

    public init(certificateChain: String, privateKey: String, clientCA: String?) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientCA = clientCA
    }

    /// TLS 1.2 at least; a client certificate, when shown, verified against ``clientCA`` and the
    /// centre's own CA for terminals, `authority` (terminals have no host names to check). The private
    /// key's file must be private to its owner (``SecretFile``).
    public func configuration(authority: TerminalAuthority? = nil) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificateChain).map { .certificate($0) },
            privateKey: .privateKey(
                try SecretFile.withContents(of: privateKey) { try NIOSSLPrivateKey(bytes: $0, format: .pem) }))
        configuration.minimumTLSVersion = .tlsv12
        // Enrolment comes without a certificate; the sync routes refuse such a connection themselves.
        configuration.certificateVerification = .optionalVerification
        var roots = try clientCA.map(NIOSSLCertificate.fromPEMFile) ?? []
        if let authority {
            roots.append(try NIOSSLCertificate(bytes: Array(try authority.certificatePEM.utf8), format: .pem))
        }
        configuration.trustRoots = .certificates(roots)
        return configuration
    }
}
