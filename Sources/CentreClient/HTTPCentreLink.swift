import AsyncHTTPClient
import BodyCompression
import Foundation
import KioskCore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import Secrets
import Synchronization

/// The link to the centre over HTTPS with mutual TLS: the centre's certificate must chain to the
/// centre CA (no system roots), this terminal shows its own certificate, and every request
/// carries the terminal's bearer token. One `HTTPClient` keeps the connection alive between calls;
/// ``shutdown()`` closes it.
///
/// Every request asks for gzip answers (`Accept-Encoding: gzip`), and bodies sent go in gzip once the
/// centre has said in an answer that it reads them (RFC 7694): an older centre, which neither
/// compresses nor says so, is spoken to as before. Inflated answers are capped (``maximumAnswerBytes``,
/// ``maximumSnapshotBytes``); a corrupt, cut or oversized stream throws a ``BodyCompressionError``.
public final class HTTPCentreLink: CentreLink, DocumentRegister {
    /// The most one JSON answer may be, inflated or not.
    public static let maximumAnswerBytes = 256 << 20
    /// The most a snapshot may inflate to: many times a full-size county's stream. Memory is bounded
    /// anyway, by the line limit of ``NDJSONPages``.
    public static let maximumSnapshotBytes = 16 << 30

    private let client: HTTPClient
    private let base: String
    private let authorization: String
    /// The centre has said it reads gzip bodies.
    private let centreReadsGzip = Atomic(false)

    /// Reads the CA, certificate, key and token files; throws if any is missing or unreadable, or
    /// if the key or the token file is open to group or others (``SecretFile``).
    public init(configuration: CentreClientConfiguration) throws {
        let url = configuration.url.absoluteString
        guard configuration.url.scheme == "https" else { throw CentreClientError.notHTTPS(url) }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .fullVerification
        tls.trustRoots = .certificates(try Self.load("centre CA", configuration.caFile, NIOSSLCertificate.fromPEMFile))
        tls.certificateChain = try Self.load("terminal certificate", configuration.certificateFile) { path in
            try NIOSSLCertificate.fromPEMFile(path).map { .certificate($0) }
        }
        tls.privateKey = .privateKey(
            try Self.load("terminal key", configuration.keyFile) { path in
                try SecretFile.withContents(of: path) { try NIOSSLPrivateKey(bytes: $0, format: .pem) }
            })
        let token = try Self.load("token file", configuration.tokenFile) { path in
            try SecretFile.withContents(of: path) {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        guard !token.isEmpty else { throw CentreClientError.emptyToken(configuration.tokenFile) }
        authorization = "Bearer " + token
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
        var client = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(
                connect: .seconds(configuration.connectTimeout.components.seconds),
                read: .seconds(configuration.readTimeout.components.seconds)))
        client.redirectConfiguration = .disallow
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: client)
    }

    /// Closes the connections; the link cannot be used afterwards.
    public func shutdown() async throws { try await client.shutdown() }

    public func push(_ request: SyncPushRequest) async throws -> SyncPushResponse {
        let path = "/sync/v1/commands"
        var http = makeRequest(path, method: .POST)
        try setBody(&http, request)
        return try await decode(SyncPushResponse.self, path, try await send(http, path, timeout: .seconds(120)))
    }

    public func changes(after cursor: String, limit: Int, wait: Int) async throws -> SyncChanges {
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "after", value: cursor), URLQueryItem(name: "limit", value: "\(limit)")]
        if wait > 0 { query.queryItems?.append(URLQueryItem(name: "wait", value: "\(wait)")) }
        let path = "/sync/v1/changes"
        let http = makeRequest(path + (query.percentEncodedQuery.map { "?" + $0 } ?? ""), method: .GET)
        return try await decode(SyncChanges.self, path, try await send(http, path, timeout: .seconds(300)))
    }

    public func ledgerAnchor() async throws -> LedgerAnchor {
        let path = "/sync/v1/ledger/anchor"
        return try await decode(
            LedgerAnchor.self, path, try await send(makeRequest(path, method: .GET), path, timeout: .seconds(30)))
    }

    public func verify(qrText: String) async throws -> DocumentCheck {
        let path = "/sync/v1/verify"
        var http = makeRequest(path, method: .POST)
        try setBody(&http, DocumentCheckRequest(qr: qrText))
        return try await decode(DocumentCheck.self, path, try await send(http, path, timeout: .seconds(30)))
    }

    /// The stream may take minutes for a township; the read timeout catches a stalled centre. The
    /// centre's 410 for a resume it will not go on with is ``SyncError/snapshotExpired``.
    public func snapshot(resuming: SnapshotResumePoint?) async throws -> NDJSONPages {
        let path = "/sync/v1/snapshot"
        var query = URLComponents()
        if let resuming {
            query.queryItems = [
                URLQueryItem(name: "cursor", value: resuming.cursor),
                URLQueryItem(name: "resume", value: resuming.token),
            ]
        }
        let response: HTTPClientResponse
        do {
            response = try await send(
                makeRequest(path + (query.percentEncodedQuery.map { "?" + $0 } ?? ""), method: .GET), path,
                timeout: .hours(2))
        } catch let error as CentreClientError where error.httpStatus == 410 {
            throw SyncError.snapshotExpired
        }
        switch try coding(of: response, path) {
        case .identity: return NDJSONPages(chunks: response.body, path: path)
        case .gzip:
            return NDJSONPages(chunks: InflatedBody(response.body, limit: Self.maximumSnapshotBytes), path: path)
        }
    }

    func makeRequest(_ pathAndQuery: String, method: HTTPMethod) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + pathAndQuery)
        request.method = method
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "Accept-Encoding", value: ContentCoding.gzip.rawValue)
        return request
    }

    /// `value` as the JSON body, in gzip when the centre has said it reads it.
    private func setBody(_ request: inout HTTPClientRequest, _ value: some Encodable) throws {
        var body = ByteBuffer(data: try SyncJSON.encoder().encode(value))
        request.headers.add(name: "Content-Type", value: "application/json")
        if centreReadsGzip.load(ordering: .relaxed) {
            body = try GzipDeflater.deflate(body)
            request.headers.add(name: "Content-Encoding", value: ContentCoding.gzip.rawValue)
        }
        request.body = .bytes(body)
    }

    private func coding(of response: HTTPClientResponse, _ path: String) throws -> ContentCoding {
        let header = response.headers.first(name: "Content-Encoding")
        guard let coding = ContentCoding(contentEncoding: header) else {
            throw CentreClientError.malformedAnswer(
                path, "a Content-Encoding this terminal cannot read: \(header ?? "")")
        }
        return coding
    }

    func send(_ request: HTTPClientRequest, _ path: String, timeout: TimeAmount) async throws
        -> HTTPClientResponse
    {
        let response = try await client.execute(request, timeout: timeout)
        if ContentCoding.accepts(gzip: response.headers.first(name: "Accept-Encoding")) {
            centreReadsGzip.store(true, ordering: .relaxed)
        }
        switch response.status.code {
        case 200..<300: return response
        case 401, 403:
            // Liberal in what it reads: an answer that is not the centre's JSON leaves the plain refusal.
            let body = try? await response.body.collect(upTo: CentreRefusal.maximumBytes)
            let reason = body.flatMap { try? JSONDecoder().decode(CentreRefusal.self, from: Data(buffer: $0)) }
            throw CentreClientError.refused(Int(response.status.code), centreSays: reason)
        case 429:
            throw CentreClientError.rateLimited(
                path, retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) })
        default: throw CentreClientError.status(Int(response.status.code), path)
        }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ path: String, _ response: HTTPClientResponse)
        async throws -> Value
    {
        var body = try await response.body.collect(upTo: Self.maximumAnswerBytes)
        if try coding(of: response, path) == .gzip {
            body = try GzipInflater.inflate(body, limit: Self.maximumAnswerBytes)
        }
        do {
            return try SyncJSON.decoder().decode(type, from: Data(buffer: body))
        } catch {
            throw CentreClientError.malformedAnswer(path, "\(error)")
        }
    }

    private static func load<Value>(_ what: String, _ path: String, _ read: (String) throws -> Value) throws -> Value {
        do {
            return try read(path)
        } catch {
            throw CentreClientError.unreadableFile(what, path, "\(error)")
        }
    }
}
