import Centre
import Documents
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import TestSupport
import Testing

/// A printed document's QR code from paper to the centre's register and back to the desk: the
/// terminal prints (the register entry goes to its outbox), the outbox is applied to a real
/// centre store as a drain would, the code is read from the printed PDF by poppler and zbar, and a
/// clerk checks it through `POST /api/documents/verify`.
@Suite("Checking a printed document at the desk against the centre's register")
struct DocumentCheckTests {
    /// The centre's SQLite store as the terminal's register.
    struct CentreRegister: DocumentRegister {
        let centre: SQLiteCentreStore
        func verify(qrText: String) async throws -> DocumentCheck { try await centre.verify(qrText: qrText) }
    }

    /// The QR codes on the first page of `pdf`, read as a scanner would.
    static func scan(_ pdf: [UInt8]) async throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("printed.pdf")
        try Data(pdf).write(to: file)
        let page = try await Poppler.rasterise(file.path, resolution: 300, page: 1, into: directory, name: "page")
        return try await Poppler.qrCodes(in: try #require(page.first))
    }

    @Test("a printed proof is registered through the outbox and its code checks out; an altered one does not")
    func printedProofChecksOut() async throws {
        let centrePath = FileManager.default.temporaryDirectory.appendingPathComponent("centre-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: centrePath + suffix) }
        }
        let centre = try SQLiteCentreStore(path: centrePath)
        let terminal = try TestTerminal.make(certificates: CentreRegister(centre: centre))
        try await terminal.seed()
        let identity = try #require(try await terminal.store.terminal())
        let registered = RegisteredTerminal(
            id: identity.terminalID, jurisdiction: identity.jurisdiction, name: identity.name,
            tokenHash: TerminalToken.hash(TerminalToken.make()), registeredAt: Date())
        try await centre.register(registered)
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            let clerk = try await api.login("clerk1")
            let printed = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"proof-9","document":"proof-of-insurance","idNumber":"\#(terminal.here.idNumber)"}"#)
            #expect(printed.status == 201, "\(printed.text)")
            let pdf = try #require(terminal.printer.submissions.first).document.pdf
            let codes = try await Self.scan(pdf)
            let qr = try #require(codes.first { $0.hasPrefix("SSK1:") }, "\(codes)")
            func check(_ code: String) async throws -> (status: Int, outcome: String?) {
                let body = try JSONSerialization.data(withJSONObject: ["qr": code])
                let answer = try await api.call(
                    .post, "/api/documents/verify", token: clerk, json: String(decoding: body, as: UTF8.self))
                return (answer.status, answer.body["outcome"] as? String ?? answer.body["code"] as? String)
            }

            // Not drained yet: the centre does not know it.
            #expect(try await check(qr) == (200, "unregistered"))

            // The drain: the outbox's entries applied at the centre as pushed.
            let outbox = try await terminal.store.pendingOutbox(limit: 100)
            #expect(outbox.filter { $0.command == SyncCommandKind.certificateIssue.rawValue }.count == 1)
            let commands = try outbox.map { entry in
                SyncCommand(
                    idempotencyKey: entry.idempotencyKey, kind: try #require(SyncCommandKind(rawValue: entry.command)),
                    payload: entry.payload, baseVersion: entry.baseVersion, createdAt: Date())
            }
            let results = try await centre.apply(commands, from: registered, at: Date())
            #expect(results.allSatisfy { $0.outcome == .applied }, "\(results)")
            let entry = try #require(try await centre.certificate(serial: "\(identity.terminalID)-proof-9"))
            #expect(entry.kind == DocumentKind.proofOfInsurance.rawValue)
            #expect(entry.keyID == "test")

            #expect(try await check(qr) == (200, "registered"))
            // The issue time changed in the signed statement: the serial is known, the content is not.
            let sealed = try SealedPayload(qrText: qr)
            var message = sealed.message
            let time = Array(#""t":"#.utf8)
            let position = try #require(message.indices.first { message[$0...].starts(with: time) }) + time.count + 3
            message[position] = message[position] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            #expect(
                try await check(SealedPayload(message: message, signature: sealed.signature).qrText) == (200, "altered")
            )
            #expect(try await check("https://example.com/not-ours") == (422, "not-a-certificate-code"))
            let ledger = try await terminal.store.ledger(from: 1, limit: 100)
            #expect(ledger.filter { $0.action == SyncCommandKind.certificateIssue.rawValue }.count == 1)
        }
    }

    @Test("without a centre the desk is told so, and residents may not ask")
    func noCentre() async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            let clerk = try await api.login("clerk1")
            let code = SealedPayload(
                message: Array(#"{"d":"x","k":"PI","kid":"t","o":"1","s":"S-1","t":1,"v":1}"#.utf8),
                signature: [UInt8](repeating: 1, count: 64)
            ).qrText
            let answer = try await api.call(.post, "/api/documents/verify", token: clerk, json: #"{"qr":"\#(code)"}"#)
            #expect(answer.status == 503)
            #expect(answer.body["code"] as? String == "no-centre")
            let anonymous = try await api.call(.post, "/api/documents/verify", json: #"{"qr":"\#(code)"}"#)
            #expect(anonymous.status == 401)
        }
    }
}
