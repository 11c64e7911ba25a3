@preconcurrency import Crypto
import Foundation
import HexCoding
import Secrets
import X509

/// The centre's own small CA for its terminals' TLS client certificates: a P-256 key that never
/// leaves the centre (`ca.key`, mode 0600, read only through ``SecretFile``) and its self-signed
/// certificate (`ca.pem`), which `centre serve` trusts for client certificates. A terminal gets its
/// certificate at enrolment, for the key it made itself, naming it by its id.
public struct TerminalAuthority: Sendable {
    public let directory: String
    /// The CA's certificate.
    public let certificate: Certificate
    private let key: P256.Signing.PrivateKey

    /// How long an issued certificate holds; rotation renews it sooner.
    public static let terminalValidity: TimeInterval = 2 * 365 * 24 * 3600
    static let authorityValidity: TimeInterval = 20 * 365 * 24 * 3600
    /// Clocks of terminals run a little behind.
    static let clockSkew: TimeInterval = 3600

    public static func certificatePath(in directory: String) -> String { directory + "/ca.pem" }
    static func keyPath(in directory: String) -> String { directory + "/ca.key" }

    private init(directory: String, certificate: Certificate, key: P256.Signing.PrivateKey) {
        self.directory = directory
        self.certificate = certificate
        self.key = key
    }

    /// The CA in `directory`, made there first when it has none (the centre's first need).
    public static func openOrCreate(_ directory: String, at now: Date = Date()) throws -> TerminalAuthority {
        FileManager.default.fileExists(atPath: keyPath(in: directory))
            ? try open(directory) : try create(in: directory, at: now)
    }

    /// The CA kept in `directory`; its key file must be private to its owner.
    public static func open(_ directory: String) throws -> TerminalAuthority {
        do {
            let key = try SecretFile.withContents(of: keyPath(in: directory)) {
                try P256.Signing.PrivateKey(pemRepresentation: String(decoding: $0, as: UTF8.self))
            }
            let certificate = try Certificate(
                pemEncoded: try String(contentsOfFile: certificatePath(in: directory), encoding: .utf8))
            guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
                throw CentreError.terminalAuthority(
                    "\(certificatePath(in: directory)) is not the certificate of its key")
            }
            return TerminalAuthority(directory: directory, certificate: certificate, key: key)
        } catch let error as CentreError {
            throw error
        } catch let error as SecretFileError {
            throw CentreError.terminalAuthority(error.message)
        } catch {
            throw CentreError.terminalAuthority("\(directory) holds no readable ca.key and ca.pem (\(type(of: error)))")
        }
    }

    /// Makes a new CA in `directory` (mode 0700, made if missing); refuses to replace one there.
    public static func create(in directory: String, at now: Date = Date()) throws -> TerminalAuthority {
        guard !FileManager.default.fileExists(atPath: keyPath(in: directory)) else {
            throw CentreError.terminalAuthority("\(directory) holds a CA already; it is kept as it is")
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("sskiosk")
            CommonName("sskiosk centre CA for terminals")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-clockSkew),
            notValidAfter: now.addingTimeInterval(authorityValidity),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: .init(key.publicKey))
            },
            issuerPrivateKey: .init(key))
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try SecretFile.write(Array(key.pemRepresentation.utf8), to: keyPath(in: directory))
            try Data(try certificate.serializeAsPEM().pemString.utf8).write(
                to: URL(fileURLWithPath: certificatePath(in: directory)), options: .atomic)
        } catch let error as SecretFileError {
            throw CentreError.terminalAuthority(error.message)
        } catch {
            throw CentreError.terminalAuthority("cannot write the CA into \(directory) (\(type(of: error)))")
        }
        return TerminalAuthority(directory: directory, certificate: certificate, key: key)
    }

    /// The CA's certificate as PEM, for terminals and for the centre's trust roots.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// A client certificate for the key of `request` (PEM), naming `terminalID` whatever the request
    /// asked for. The request must be signed with its own key: whoever sends it holds the key.
    public func issue(_ request: String, to terminalID: String, at now: Date) throws -> Certificate {
        let csr: CertificateSigningRequest
        do {
            csr = try CertificateSigningRequest(pemEncoded: request)
        } catch {
            throw CentreError.malformedEnrolment("the certificate request is not a PEM PKCS #10 request")
        }
        guard csr.publicKey.isValidSignature(csr.signature, for: csr) else {
            throw CentreError.malformedEnrolment("the certificate request is not signed with its own key")
        }
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: csr.publicKey,
            notValidBefore: now.addingTimeInterval(-Self.clockSkew),
            notValidAfter: now.addingTimeInterval(Self.terminalValidity),
            issuer: certificate.subject, subject: try DistinguishedName { CommonName(terminalID) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
            },
            issuerPrivateKey: .init(key))
    }

    /// Lower-case hex SHA-256 of a certificate's DER: what the centre keeps to know it again.
    public static func fingerprint(der: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(der)).compactHexString.lowercased()
    }

    public static func fingerprint(_ certificate: Certificate) throws -> String {
        fingerprint(der: try certificate.serializeAsPEM().derBytes)
    }
}
