import AsyncHTTPClient
import Centre
import Foundation
import Hummingbird
import KioskCore
import Logging
import NIOCore
import NIOSSL
import Testing

/// The sync service over real TLS: mutual TLS against the centre's CA, then bearer tokens, then
/// jurisdictions.
@Suite(.serialized) struct CentreServerTests {
    @Test func refusesClientsWithoutACertificateFromTheCentreCA() async throws {
        try await withCentre { centre in
            for client in [centre.client(certificate: nil), centre.client(certificate: "stranger")] {
                await #expect(throws: (any Error).self) {
                    _ = try await centre.get("sync/v1/changes", token: centre.token, client: client)
                }
                try await client.shutdown()
            }
        }
    }

    @Test func refusesAMissingOrUnknownToken() async throws {
        try await withCentre { centre in
            let client = centre.client(certificate: "terminal")
            let missing = try await centre.get("sync/v1/changes", token: nil, client: client)
            #expect(missing.status == 401)
            #expect(try centre.errorCode(missing) == "missing-token")
            let unknown = try await centre.get("sync/v1/changes", token: TerminalToken.make(), client: client)
            #expect(unknown.status == 403)
            #expect(try centre.errorCode(unknown) == "unknown-token")
            try await client.shutdown()
        }
    }

    @Test func servesAGoodTerminalItsOwnArea() async throws {
        try await withCentre { centre in
            let client = centre.client(certificate: "terminal")
            let health = try await centre.get("health", token: nil, client: client)
            #expect(health.status == 200)

            let person = centre.home[0].people[0]
            let push = SyncPushRequest(commands: [
                try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-1", for: person), key: "k1")
            ])
            let pushed = try await centre.post("sync/v1/commands", push, client: client)
            #expect(pushed.status == 200)
            let results = try SyncJSON.decoder().decode(SyncPushResponse.self, from: pushed.body).results
            #expect(results == [SyncCommandResult(idempotencyKey: "k1", outcome: .applied, version: 1)])

            let changes = try await centre.get("sync/v1/changes?after=&limit=50", token: centre.token, client: client)
            #expect(changes.status == 200)
            let page = try SyncJSON.decoder().decode(SyncChanges.self, from: changes.body)
            #expect(page.hasMore)
            #expect(!page.page.people.isEmpty)
            #expect(page.page.people.allSatisfy { $0.regionCode.hasPrefix(Fixtures.home) })

            let snapshot = try await centre.get("sync/v1/snapshot", token: centre.token, client: client)
            #expect(snapshot.status == 200)
            let lines = snapshot.body.split(separator: UInt8(ascii: "\n"))
            let pages = try lines.map { try SyncJSON.decoder().decode(ReferenceDataPage.self, from: Data($0)) }
            #expect(pages.flatMap(\.people).count == centre.home.flatMap(\.people).count)

            let outside = try await centre.get(
                "sync/v1/snapshot?region=\(Fixtures.neighbour)", token: centre.token, client: client)
            #expect(outside.status == 403)
            #expect(try centre.errorCode(outside) == "outside-jurisdiction")
            let badCursor = try await centre.get("sync/v1/changes?after=x", token: centre.token, client: client)
            #expect(badCursor.status == 400)
            try await client.shutdown()
        }
    }

    @Test func anchorsTheLedgerHeadAPushCarriesAndAnswersItBack() async throws {
        try await withCentre { centre in
            let client = centre.client(certificate: "terminal")
            let head = LedgerHead(sequence: 4, hash: String(repeating: "C", count: 64))
            let pushed = try await centre.post(
                "sync/v1/commands", SyncPushRequest(commands: [], ledgerHead: head), client: client)
            #expect(pushed.status == 200)
            let answer = try SyncJSON.decoder().decode(SyncPushResponse.self, from: pushed.body)
            #expect(answer.ledgerAnchor == LedgerAnchorResult(outcome: .anchored, anchored: head))

            let behind = LedgerHead(sequence: 3, hash: String(repeating: "D", count: 64))
            let refused = try await centre.post(
                "sync/v1/commands", SyncPushRequest(commands: [], ledgerHead: behind), client: client)
            #expect(refused.status == 200)
            let refusal = try SyncJSON.decoder().decode(SyncPushResponse.self, from: refused.body).ledgerAnchor
            #expect(refusal?.outcome == .refused && refusal?.anchored == head)

            let anchor = try await centre.get("sync/v1/ledger/anchor", token: centre.token, client: client)
            #expect(anchor.status == 200)
            let held = try SyncJSON.decoder().decode(LedgerAnchor.self, from: anchor.body)
            #expect(held.head == head && held.refusals == 1)

            let malformed = try await centre.post(
                "sync/v1/commands", SyncPushRequest(commands: [], ledgerHead: LedgerHead(sequence: 5, hash: "x")),
                client: client)
            #expect(malformed.status == 400)
            #expect(try centre.errorCode(malformed) == "malformed-body")
            try await client.shutdown()
        }
    }

    // MARK: A running centre

    struct Centre: Sendable {
        let port: Int
        let certificates: TestCertificates
        let token: String
        let home: [ReferenceDataPage]

        func client(certificate: String?) -> HTTPClient {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(certificates.path("ca.pem"))
            if let certificate {
                tls.certificateChain = try! NIOSSLCertificate.fromPEMFile(certificates.path("\(certificate).pem")).map {
                    .certificate($0)
                }
                tls.privateKey = .privateKey(
                    try! NIOSSLPrivateKey(file: certificates.path("\(certificate).key"), format: .pem))
            }
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.timeout = .init(connect: .seconds(5), read: .seconds(30))
            return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }

        struct Answer {
            let status: UInt
            let body: Data
        }

        func get(_ path: String, token: String?, client: HTTPClient) async throws -> Answer {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            return try await send(request, client)
        }

        func post(_ path: String, _ body: some Encodable, client: HTTPClient) async throws -> Answer {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try SyncJSON.encoder().encode(body)))
            return try await send(request, client)
        }

        private func send(_ request: HTTPClientRequest, _ client: HTTPClient) async throws -> Answer {
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 64 << 20)
            return Answer(status: response.status.code, body: Data(buffer: body))
        }

        func errorCode(_ answer: Answer) throws -> String {
            try JSONDecoder().decode([String: String].self, from: answer.body)["code"] ?? ""
        }
    }

    /// A centre on SQLite with two townships, its terminal registered, listening on a free port.
    private func withCentre(_ body: @Sendable (Centre) async throws -> Void) async throws {
        let certificates = try await TestCertificates()
        defer { certificates.remove() }
        try await StoreKind.sqlite.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, token) = try Fixtures.terminal()
            try await store.register(terminal)
            let server = CentreServer(
                store: store, host: "127.0.0.1", port: 0,
                tls: CentreTLS(
                    certificateChain: certificates.path("centre.pem"), privateKey: certificates.path("centre.key"),
                    clientCA: certificates.path("ca.pem")),
                // Cancelling the service at the end of a test is logged as an error by Hummingbird;
                // the tests judge the service by its answers.
                logger: {
                    var logger = Logger(label: "centre-test")
                    logger.logLevel = .critical
                    return logger
                }())
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let application = try server.application { continuation.yield($0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.runService(gracefulShutdownSignals: []) }
                defer { group.cancelAll() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                try await body(Centre(port: port, certificates: certificates, token: token, home: home))
            }
        }
    }
}
