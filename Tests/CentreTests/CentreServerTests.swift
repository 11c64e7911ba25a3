import AsyncHTTPClient
import BodyCompression
import Centre
import Crypto
import Foundation
import HexCoding
import Hummingbird
import KioskCore
import Logging
import NIOCore
import NIOSSL
import Testing

/// The sync service over real TLS: mutual TLS against the centre's CA, then bearer tokens, then
/// jurisdictions.
@Suite(.serialized) struct CentreServerTests {
    /// Another CA's certificate fails the handshake; no certificate gets as far as enrolment only.
    @Test func refusesClientsWithoutACertificateFromTheCentreCA() async throws {
        try await withCentre { centre in
            let stranger = centre.client(certificate: "stranger")
            await #expect(throws: (any Error).self) {
                _ = try await centre.get("sync/v1/changes", token: centre.token, client: stranger)
            }
            try await stranger.shutdown()
            let anonymous = centre.client(certificate: nil)
            for path in ["sync/v1/changes", "sync/v1/snapshot", "sync/v1/ledger/anchor"] {
                let answer = try await centre.get(path, token: centre.token, client: anonymous)
                #expect(answer.status == 401)
                #expect(try centre.errorCode(answer) == "missing-certificate")
            }
            try await anonymous.shutdown()
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

    /// Wrong codes from one address make it wait once there are too many, the right code included:
    /// the limit is on the address, whatever it tries next.
    @Test func tooManyWrongEnrolmentCodesMakeTheAddressWait() async throws {
        try await withCentre(enrolmentAttempts: EnrolmentAttempts(limit: RateWindow(count: 2, window: 3600))) {
            centre in
            let anonymous = centre.client(pem: nil)
            let (code, record) = TerminalEnrolmentCode.issue(
                for: "T-9", jurisdiction: try Jurisdiction(Fixtures.home), name: "T-9", lifetime: 3600, at: Date())
            try await centre.store.issueEnrolmentCode(record, rotating: false)
            let csr = try TerminalEnrolmentTests.request().pem
            let signingKey = String(repeating: "ab", count: 32)
            for _ in 0..<2 {
                let wrong = try await centre.post(
                    "enrol/v1",
                    TerminalEnrolmentRequest(code: "0000-0000-0000", certificateRequest: csr, signingKey: signingKey),
                    client: anonymous)
                #expect(wrong.status == 403)
            }
            let waiting = try await centre.post(
                "enrol/v1", TerminalEnrolmentRequest(code: code, certificateRequest: csr, signingKey: signingKey),
                client: anonymous)
            #expect(waiting.status == 429)
            #expect(try centre.errorCode(waiting) == "too-many-enrolment-attempts")
            #expect(Int(waiting.retryAfter ?? "") ?? 0 > 3500)
            // The code was not spent by the refused try.
            #expect(try await centre.store.terminal(id: "T-9") == nil)
            try await anonymous.shutdown()
        }
    }

    /// Enrolment needs no client certificate, the sync routes do; the certificate issued at enrolment
    /// goes with its own token only, and not after the terminal is revoked.
    @Test func enrolsWithoutACertificateAndTiesTheIssuedOneToItsTerminal() async throws {
        try await withCentre { centre in
            let anonymous = centre.client(pem: nil)
            let bare = try await centre.get("sync/v1/changes", token: centre.token, client: anonymous)
            #expect(bare.status == 401)
            #expect(try centre.errorCode(bare) == "missing-certificate")

            let (code, record) = TerminalEnrolmentCode.issue(
                for: "T-9", jurisdiction: try Jurisdiction(Fixtures.home), name: "T-9", lifetime: 3600, at: Date())
            try await centre.store.issueEnrolmentCode(record, rotating: false)
            let (key, csr) = try TerminalEnrolmentTests.request()
            let request = TerminalEnrolmentRequest(
                code: code, certificateRequest: csr,
                signingKey: String(repeating: "ab", count: 32))
            let wrong = try await centre.post(
                "enrol/v1",
                TerminalEnrolmentRequest(
                    code: "0000-0000-0000", certificateRequest: csr, signingKey: request.signingKey),
                client: anonymous)
            let enrolled = try await centre.post("enrol/v1", request, client: anonymous)
            #expect(enrolled.status == 200)
            let answer = try SyncJSON.decoder().decode(TerminalEnrolmentAnswer.self, from: enrolled.body)
            #expect(answer.terminalID == "T-9")
            let again = try await centre.post("enrol/v1", request, client: anonymous)
            #expect(again.status == 403)
            #expect(try centre.errorCode(again) == "enrolment-code-refused")
            #expect(again.body == wrong.body)
            try await anonymous.shutdown()

            let nine = centre.client(pem: (answer.certificate, key.pemRepresentation))
            #expect(
                try await centre.get("sync/v1/changes?after=&limit=5", token: answer.token, client: nine).status == 200)
            // Another terminal's token with T-9's certificate, and T-9's token with T-101's.
            let borrowed = try await centre.get("sync/v1/changes", token: centre.token, client: nine)
            #expect(borrowed.status == 403)
            #expect(try centre.errorCode(borrowed) == "certificate-mismatch")
            let hundred = centre.client(certificate: "terminal")
            let lent = try await centre.get("sync/v1/changes", token: answer.token, client: hundred)
            #expect(lent.status == 403)
            #expect(try centre.errorCode(lent) == "certificate-mismatch")
            try await hundred.shutdown()

            try await centre.store.revokeTerminal("T-9", at: Date())
            let revoked = try await centre.get("sync/v1/changes", token: answer.token, client: nine)
            #expect(revoked.status == 403)
            #expect(try centre.errorCode(revoked) == "terminal-revoked")
            try await nine.shutdown()
        }
    }

    /// A terminal that starts more snapshots than its limit gets 429 with the wait; each pull it
    /// made is on the centre's record with the rows it sent.
    @Test(arguments: StoreKind.testable)
    func snapshotsBeyondTheLimitAreRefusedAndEachPullIsRecorded(_ kind: StoreKind) async throws {
        try await withCentre(kind, snapshotLimit: SnapshotLimit(starts: 2, window: 3600)) { centre in
            let client = centre.client(certificate: "terminal")
            let started = Date()
            var lines: [Int] = []
            for _ in 0..<2 {
                let snapshot = try await centre.get("sync/v1/snapshot", token: centre.token, client: client)
                #expect(snapshot.status == 200)
                lines.append(snapshot.body.split(separator: UInt8(ascii: "\n")).count)
            }
            let refused = try await centre.get("sync/v1/snapshot", token: centre.token, client: client)
            #expect(refused.status == 429)
            #expect(try centre.errorCode(refused) == "too-many-snapshots")
            let wait = try #require(refused.retryAfter.flatMap { Int($0) })
            #expect(wait > 3500 && wait <= 3600)
            // Changes are not limited.
            #expect(try await centre.get("sync/v1/changes?after=", token: centre.token, client: client).status == 200)

            let pulls = try await centre.store.snapshotPulls(since: started.addingTimeInterval(-1))
            let rows = centre.home.reduce(0) { $0 + $1.rowCount }
            #expect(pulls.count == 2)
            #expect(pulls.allSatisfy { $0.terminalID == "T-101" && $0.jurisdiction.regionPrefix == Fixtures.home })
            #expect(pulls.allSatisfy { $0.rowCount == rows && $0.finishedAt != nil })
            #expect(lines.allSatisfy { $0 > 0 })
            try await client.shutdown()
        }
    }

    /// A push over the size limit is refused whole before it is applied, whether its length is
    /// announced or it comes in chunks; the same command small enough is then applied (not a duplicate).
    @Test(arguments: StoreKind.testable)
    func anOversizedBodyIsRefusedAndNothingOfItApplied(_ kind: StoreKind) async throws {
        try await withCentre(kind) { centre in
            let client = centre.client(certificate: "terminal")
            var application = Fixtures.application("T-101-1", for: centre.home[0].people[0])
            application.details = ["note": String(repeating: "x", count: SyncPushRequest.maximumBytes)]
            let heavy = ByteBuffer(
                data: try SyncJSON.encoder().encode(
                    SyncPushRequest(commands: [try Fixtures.command(.applicationSubmit, application, key: "k1")])))
            #expect(heavy.readableBytes > SyncPushRequest.maximumBytes)
            let chunks = stride(from: 0, to: heavy.readableBytes, by: 64 << 10).map {
                heavy.getSlice(at: $0, length: min(64 << 10, heavy.readableBytes - $0))!
            }
            let chunked = AsyncStream<ByteBuffer> { stream in
                for chunk in chunks { stream.yield(chunk) }
                stream.finish()
            }
            for body in [HTTPClientRequest.Body.bytes(heavy), .stream(chunked, length: .unknown)] {
                let answer = try await centre.post("sync/v1/commands", body: body, client: client)
                #expect(answer.status == 413)
                #expect(try centre.errorCode(answer) == "body-too-large")
            }
            let tooLongACode = try await centre.post(
                "sync/v1/verify",
                body: .bytes(ByteBuffer(string: #"{"qr":""# + String(repeating: "A", count: 70_000) + #""}"#)),
                client: client)
            #expect(tooLongACode.status == 413)

            application.details = [:]
            let light = try await centre.post(
                "sync/v1/commands",
                SyncPushRequest(commands: [try Fixtures.command(.applicationSubmit, application, key: "k1")]),
                client: client)
            #expect(light.status == 200)
            let results = try SyncJSON.decoder().decode(SyncPushResponse.self, from: light.body).results
            #expect(results.map(\.outcome) == [.applied])
            try await client.shutdown()
        }
    }

    /// A terminal that asks for gzip gets changes, snapshot and push answers in gzip that inflate to
    /// what an older terminal, which does not ask, gets as it always did; a gzip push is applied.
    @Test(arguments: StoreKind.testable)
    func gzipBothWaysWhenAskedAndPlainOtherwise(_ kind: StoreKind) async throws {
        try await withCentre(kind) { centre in
            let client = centre.client(certificate: "terminal")
            let gzip = [("Accept-Encoding", "gzip")]
            for path in ["sync/v1/changes?after=&limit=50", "sync/v1/snapshot"] {
                let plain = try await centre.get(path, token: centre.token, client: client)
                #expect(plain.status == 200 && plain.contentEncoding == nil)
                #expect(plain.acceptEncoding == "gzip", "the answer says the centre reads gzip bodies")
                let packed = try await centre.get(path, token: centre.token, client: client, headers: gzip)
                #expect(packed.status == 200 && packed.contentEncoding == "gzip")
                #expect(packed.body.count * 3 < plain.body.count, "\(packed.body.count) of \(plain.body.count) bytes")
                let inflated = Data(buffer: try GzipInflater.inflate(ByteBuffer(data: packed.body), limit: 64 << 20))
                let (pages, plainPages) = (try Self.pages(inflated), try Self.pages(plain.body))
                #expect(!pages.isEmpty)
                #expect(pages.map(\.people) == plainPages.map(\.people))
            }

            let push = SyncPushRequest(commands: [
                try Fixtures.command(
                    .applicationSubmit, Fixtures.application("T-101-1", for: centre.home[0].people[0]), key: "k1")
            ])
            let pushed = try await centre.post(
                "sync/v1/commands",
                body: .bytes(try GzipDeflater.deflate(ByteBuffer(data: try SyncJSON.encoder().encode(push)))),
                client: client, headers: gzip + [("Content-Encoding", "gzip")])
            #expect(pushed.status == 200 && pushed.contentEncoding == "gzip")
            let answer = try SyncJSON.decoder().decode(
                SyncPushResponse.self,
                from: Data(buffer: try GzipInflater.inflate(ByteBuffer(data: pushed.body), limit: 1 << 20)))
            #expect(answer.results.map(\.outcome) == [.applied])
            try await client.shutdown()
        }
    }

    /// The pages of a snapshot (one per line) or of a changes answer (one).
    static func pages(_ body: Data) throws -> [ReferenceDataPage] {
        if let changes = try? SyncJSON.decoder().decode(SyncChanges.self, from: body) { return [changes.page] }
        return try body.split(separator: UInt8(ascii: "\n")).map {
            try SyncJSON.decoder().decode(ReferenceDataPage.self, from: Data($0))
        }
    }

    /// A push in gzip that inflates past the limit, is cut short, is not gzip, or comes in a coding the
    /// centre does not read is refused with its own code, and nothing of it is applied.
    @Test(arguments: StoreKind.testable)
    func hostileCompressedPushesAreRefusedAndNothingApplied(_ kind: StoreKind) async throws {
        try await withCentre(kind) { centre in
            let client = centre.client(certificate: "terminal")
            let application = Fixtures.application("T-101-1", for: centre.home[0].people[0])
            let json = ByteBuffer(
                data: try SyncJSON.encoder().encode(
                    SyncPushRequest(commands: [try Fixtures.command(.applicationSubmit, application, key: "k1")])))
            let whole = try GzipDeflater.deflate(json)
            var bomb = ByteBuffer()
            var deflater = try GzipDeflater()
            for _ in 0..<(2 * SyncPushRequest.maximumBytes >> 20 + 1) {
                var part = try deflater.deflate(ByteBuffer(repeating: UInt8(ascii: " "), count: 1 << 20))
                bomb.writeBuffer(&part)
            }
            var end = try deflater.finish()
            bomb.writeBuffer(&end)
            #expect(bomb.readableBytes < SyncPushRequest.maximumBytes)
            let cases: [(ByteBuffer, String, UInt, String)] = [
                (bomb, "gzip", 413, "body-too-large"),
                (whole.getSlice(at: 0, length: whole.readableBytes - 6)!, "gzip", 400, "unreadable-compressed-body"),
                (json, "gzip", 400, "unreadable-compressed-body"),
                (whole, "br", 415, "unsupported-content-encoding"),
            ]
            for (body, coding, status, code) in cases {
                let answer = try await centre.post(
                    "sync/v1/commands", body: .bytes(body), client: client, headers: [("Content-Encoding", coding)])
                #expect(answer.status == status, "\(code)")
                #expect(try centre.errorCode(answer) == code)
                #expect(answer.acceptEncoding == "gzip")
            }
            let light = try await centre.post(
                "sync/v1/commands", body: .bytes(whole), client: client, headers: [("Content-Encoding", "gzip")])
            let results = try SyncJSON.decoder().decode(SyncPushResponse.self, from: light.body).results
            #expect(results.map(\.outcome) == [.applied], "not a duplicate: nothing of the refused bodies was applied")
            try await client.shutdown()
        }
    }

    /// A snapshot resumed with a page's token and cursor goes on after that page's last person at that
    /// cursor, the people before it not sent again; once the centre has moved on past the resume limit,
    /// or for a token it did not seal, it answers 410 `snapshot-expired`; a cursor ahead of its own is 400.
    @Test(arguments: StoreKind.testable)
    func aSnapshotResumesAfterAPageUntilTheCentreMovesOnTooFar(_ kind: StoreKind) async throws {
        try await withCentre(kind, snapshotResumeLimit: 0) { centre in
            let client = centre.client(certificate: "terminal")
            let whole = try Self.pages(
                try await centre.get("sync/v1/snapshot", token: centre.token, client: client).body)
            let people = whole.flatMap(\.people)
            let cursor = try #require(whole.first?.cursor)
            let lastToken = try #require(whole.last?.resumeAfter)
            #expect(SnapshotPosition(token: lastToken) == SnapshotPosition(after: people.last!))
            // Sealed, not merely encoded: the token's bytes do not hold the ID number.
            let bytes = try #require(Base64URL.decode(lastToken))
            #expect(!String(decoding: bytes, as: UTF8.self).contains(people.last!.idNumber))
            let middle = people.count / 2
            let token = SnapshotPosition(after: people[middle - 1]).token
            let resumed = try await centre.get(
                "sync/v1/snapshot?cursor=\(cursor)&resume=\(token)", token: centre.token, client: client)
            #expect(resumed.status == 200)
            let rest = try Self.pages(resumed.body)
            #expect(rest.flatMap(\.people) == Array(people[middle...]))
            #expect(rest.allSatisfy { $0.cursor == cursor && $0.jobPostings.isEmpty })

            // A token this centre did not seal (base64 of a region and an ID number, as a forger
            // would write it): the terminal is told to start afresh.
            let forged = Base64URL.encode(Array("\(people[0].regionCode) \(people[0].idNumber)".utf8))
            let unsealed = try await centre.get(
                "sync/v1/snapshot?cursor=\(cursor)&resume=\(forged)", token: centre.token, client: client)
            #expect(unsealed.status == 410)
            let ahead = try await centre.get(
                "sync/v1/snapshot?cursor=99999999&resume=\(token)", token: centre.token, client: client)
            #expect(ahead.status == 400)

            let push = SyncPushRequest(commands: [
                try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-1", for: people[0]), key: "k1")
            ])
            #expect(try await centre.post("sync/v1/commands", push, client: client).status == 200)
            let expired = try await centre.get(
                "sync/v1/snapshot?cursor=\(cursor)&resume=\(token)", token: centre.token, client: client)
            #expect(expired.status == 410)
            #expect(try centre.errorCode(expired) == "snapshot-expired")
            try await client.shutdown()
        }
    }

    /// `wait` holds an empty answer until a change in the terminal's jurisdiction comes: a person
    /// loaded next door leaves it waiting, one loaded at home ends the wait with that person, long
    /// before the wait is up. Without `wait` an empty answer comes at once, as before.
    @Test(arguments: StoreKind.testable)
    func aWaitingChangeRequestAnswersWhenAChangeComesToItsJurisdiction(_ kind: StoreKind) async throws {
        try await withCentre(kind) { centre in
            let client = centre.client(certificate: "terminal")
            let cursor = try await centre.store.currentCursor()
            let path = "sync/v1/changes?after=\(cursor)&limit=50"
            let idle = try SyncJSON.decoder().decode(
                SyncChanges.self, from: try await centre.get(path, token: centre.token, client: client).body)
            #expect(idle.page.rowCount == 0 && idle.page.cursor == cursor.description)

            let neighbour = try #require(
                Fixtures.pages(Fixtures.township(Fixtures.neighbour, people: 1, seed: 31))
                    .first?.people.first)
            let newcomer = try #require(
                Fixtures.pages(Fixtures.township(Fixtures.home, people: 1, seed: 32))
                    .first?.people.first)
            let wait = CentreServer.maximumChangeWait
            enum First: Equatable { case answer(SyncChanges), waitUp }
            let first = try await withThrowingTaskGroup(of: First.self) { group in
                group.addTask {
                    let answer = try await centre.get(path + "&wait=\(wait)", token: centre.token, client: client)
                    return .answer(try SyncJSON.decoder().decode(SyncChanges.self, from: answer.body))
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(wait))
                    return .waitUp
                }
                // Time for the request to be waiting; were it not yet, it would answer the home
                // change at once, and the test would still hold.
                try await Task.sleep(for: .seconds(1))
                try await centre.store.load(ReferenceDataPage(people: [neighbour], cursor: "", asOf: Date()))
                try await centre.store.load(ReferenceDataPage(people: [newcomer], cursor: "", asOf: Date()))
                defer { group.cancelAll() }
                return try #require(try await group.next())
            }
            guard case .answer(let changes) = first else {
                Issue.record("the wait ran out before the change at home was answered")
                return
            }
            #expect(changes.page.people.map(\.idNumber) == [newcomer.idNumber])
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
        let store: any CentreStore
        let authority: TerminalAuthority

        func client(certificate: String?) -> HTTPClient {
            client(
                pem: certificate.map { name in
                    (
                        try! String(contentsOfFile: certificates.path("\(name).pem"), encoding: .utf8),
                        try! String(contentsOfFile: certificates.path("\(name).key"), encoding: .utf8)
                    )
                })
        }

        /// A client showing this certificate and key (PEM), or none.
        func client(pem: (certificate: String, key: String)?) -> HTTPClient {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(certificates.path("ca.pem"))
            if let pem {
                tls.certificateChain = try! NIOSSLCertificate.fromPEMBytes(Array(pem.certificate.utf8)).map {
                    .certificate($0)
                }
                tls.privateKey = .privateKey(try! NIOSSLPrivateKey(bytes: Array(pem.key.utf8), format: .pem))
            }
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.timeout = .init(connect: .seconds(5), read: .seconds(30))
            return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }

        struct Answer {
            let status: UInt
            /// The `Retry-After` header, when there is one.
            let retryAfter: String?
            /// The answer's `Content-Encoding` and `Accept-Encoding`.
            let contentEncoding: String?
            let acceptEncoding: String?
            let body: Data
        }

        func get(_ path: String, token: String?, client: HTTPClient, headers: [(String, String)] = []) async throws
            -> Answer
        {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            request.headers.add(contentsOf: headers.map { (name: $0.0, value: $0.1) })
            return try await send(request, client)
        }

        func post(_ path: String, _ body: some Encodable, token: String? = nil, client: HTTPClient) async throws
            -> Answer
        {
            try await post(
                path, body: .bytes(ByteBuffer(data: try SyncJSON.encoder().encode(body))), token: token, client: client)
        }

        func post(
            _ path: String, body: HTTPClientRequest.Body, token: String? = nil, client: HTTPClient,
            headers: [(String, String)] = []
        ) async throws -> Answer {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token ?? self.token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(contentsOf: headers.map { (name: $0.0, value: $0.1) })
            request.body = body
            return try await send(request, client)
        }

        private func send(_ request: HTTPClientRequest, _ client: HTTPClient) async throws -> Answer {
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 64 << 20)
            return Answer(
                status: response.status.code, retryAfter: response.headers.first(name: "Retry-After"),
                contentEncoding: response.headers.first(name: "Content-Encoding"),
                acceptEncoding: response.headers.first(name: "Accept-Encoding"), body: Data(buffer: body))
        }

        func errorCode(_ answer: Answer) throws -> String {
            try JSONDecoder().decode([String: String].self, from: answer.body)["code"] ?? ""
        }
    }

    /// A centre on SQLite (or `kind`) with two townships, its terminal registered, listening on a free port.
    func withCentre(
        _ kind: StoreKind = .sqlite, snapshotLimit: SnapshotLimit = .standard, snapshotResumeLimit: Int64 = 100_000,
        enrolmentAttempts: EnrolmentAttempts = EnrolmentAttempts(),
        _ body: @Sendable (Centre) async throws -> Void
    ) async throws {
        let certificates = try await TestCertificates()
        defer { certificates.remove() }
        let authority = try TerminalAuthority.create(in: certificates.path("terminal-ca"))
        try await kind.withStore { store in
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
                }(), snapshotLimit: snapshotLimit, authority: authority, snapshotResumeLimit: snapshotResumeLimit,
                enrolmentAttempts: enrolmentAttempts)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let application = try server.application { continuation.yield($0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.runService(gracefulShutdownSignals: []) }
                defer { group.cancelAll() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                try await body(
                    Centre(
                        port: port, certificates: certificates, token: token, home: home, store: store,
                        authority: authority))
            }
        }
    }
}
