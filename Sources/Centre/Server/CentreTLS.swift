import NIOSSL
import Secrets

/// The centre's side of mutual TLS: its certificate and key, and the CA whose terminal certificates
/// it accepts. A terminal without a certificate from that CA does not get past the handshake.
public struct CentreTLS: Sendable {
    /// PEM files.
    public var certificateChain: String
    public var privateKey: String
    public var clientCA: String

    public init(certificateChain: String, privateKey: String, clientCA: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientCA = clientCA
    }

    /// TLS 1.2 at least; client certificates required and verified against ``clientCA`` (terminals
    /// have no host names to check). The private key's file must be private to its owner (``SecretFile``).
    public func configuration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificateChain).map { .certificate($0) },
            privateKey: .privateKey(
                try SecretFile.withContents(of: privateKey) { try NIOSSLPrivateKey(bytes: $0, format: .pem) }))
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
        return configuration
    }
}
