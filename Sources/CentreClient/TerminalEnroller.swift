import AsyncHTTPClient
@preconcurrency import Crypto
import Foundation
import HexCoding
import KioskCore
import NIOCore
import NIOFoundationCompat
import NIOSSL
import Secrets
import X509

/// The terminal's side of enrolment: it makes its TLS client key (P-256) and its document-signing
/// key (Ed25519), sends the centre a certificate request and the public signing key with the
/// one-time code, over HTTPS to a centre it knows by its CA, and keeps what comes back. Nothing is
/// written unless the centre accepted the code; no secret is printed or typed but the code.
public struct TerminalEnroller: Sendable {
    public let centre: URL
    /// The CA of the centre's own certificate (PEM), the only one trusted for it.
    public let centreCA: String
    public let directory: EnrolmentDirectory

    public init(centre: URL, centreCA: String, directory: EnrolmentDirectory) {
        self.centre = centre
        self.centreCA = centreCA
        self.directory = directory
    }

    /// Enrols with `code`; answers who the centre made this terminal.
    public func enrol(code: String) async throws -> TerminalEnrolmentAnswer {
        guard centre.scheme == "https" else { throw CentreClientError.notHTTPS(centre.absoluteString) }
        let tlsKey = P256.Signing.PrivateKey()
        let documentKey = Curve25519.Signing.PrivateKey()
        let request = TerminalEnrolmentRequest(
            code: code,
            certificateRequest: try CertificateSigningRequest(
                version: .v1, subject: try DistinguishedName { CommonName("sskiosk terminal") },
                privateKey: .init(tlsKey), attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256
            ).serializeAsPEM().pemString,
            signingKey: documentKey.publicKey.rawRepresentation.compactHexString.lowercased())
        let answer = try await send(request)
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: answer.certificate)
        } catch {
            throw CentreClientError.malformedAnswer("/enrol/v1", "the certificate is not PEM")
        }
        guard certificate.publicKey == Certificate.PublicKey(tlsKey.publicKey) else {
            throw CentreClientError.malformedAnswer("/enrol/v1", "the certificate is not for this terminal's key")
        }
        try write(answer, key: tlsKey, documentKey: documentKey)
        return answer
    }

    private func send(_ request: TerminalEnrolmentRequest) async throws -> TerminalEnrolmentAnswer {
        let path = "/enrol/v1"
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .fullVerification
        do {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(centreCA))
        } catch {
            throw CentreClientError.unreadableFile("centre CA", centreCA, "\(error)")
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let base = centre.absoluteString
        var http = HTTPClientRequest(url: (base.hasSuffix("/") ? String(base.dropLast()) : base) + path)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.body = .bytes(ByteBuffer(data: try SyncJSON.encoder().encode(request)))
        do {
            let response = try await client.execute(http, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 1 << 20)
            try await client.shutdown()
            switch response.status.code {
            case 200..<300: break
            case 403: throw CentreClientError.enrolmentRefused
            default: throw CentreClientError.status(Int(response.status.code), path)
            }
            do {
                return try SyncJSON.decoder().decode(TerminalEnrolmentAnswer.self, from: Data(buffer: body))
            } catch {
                throw CentreClientError.malformedAnswer(path, "\(error)")
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The keys and the token 0600 in a directory of mode 0700; the certificates beside them.
    private func write(
        _ answer: TerminalEnrolmentAnswer, key: P256.Signing.PrivateKey, documentKey: Curve25519.Signing.PrivateKey
    ) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: directory.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try SecretFile.write(Array(key.pemRepresentation.utf8), to: directory.key)
            let seed = Array((documentKey.rawRepresentation.compactHexString.lowercased() + "\n").utf8)
            defer { seed.wipe() }
            try SecretFile.write(seed, to: directory.documentKey)
            try SecretFile.write(Array((answer.token + "\n").utf8), to: directory.token)
            try Data(answer.certificate.utf8).write(to: URL(fileURLWithPath: directory.certificate), options: .atomic)
            try Data(contentsOf: URL(fileURLWithPath: centreCA)).write(
                to: URL(fileURLWithPath: directory.centreCA), options: .atomic)
        } catch let error as SecretFileError {
            throw CentreClientError.unwritableFile(error.path, error.message)
        } catch {
            throw CentreClientError.unwritableFile(directory.path, "\(error)")
        }
    }
}
