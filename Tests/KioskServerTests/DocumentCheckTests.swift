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

    /// The drain: the outbox's pending entries applied at the centre as pushed, and marked sent.
    static func drain(_ terminal: TestTerminal, to centre: SQLiteCentreStore, as registered: RegisteredTerminal)
        async throws
    {
        let outbox = try await terminal.store.pendingOutbox(limit: 100)
        let commands = try outbox.map { entry in
            SyncCommand(
                idempotencyKey: entry.idempotencyKey, kind: try #require(SyncCommandKind(rawValue: entry.command)),
                payload: entry.payload, baseVersion: entry.baseVersion, createdAt: Date())
        }
        let results = try await centre.apply(commands, from: registered, at: Date())
        #expect(results.allSatisfy { $0.outcome == .applied }, "\(results)")
        try await terminal.store.acknowledge(outbox.map(\.idempotencyKey))
    }

    /// A terminal whose register is a real centre store, the terminal registered there; the store
    /// goes when `body` ends.
    static func withCentre(
        _ body: (_ terminal: TestTerminal, _ centre: SQLiteCentreStore, _ registered: RegisteredTerminal) async throws
            -> Void
    ) async throws {
        let centrePath = FileManager.default.temporaryDirectory.appendingPathComponent("centre-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: centrePath + suffix) }
        }
        let centre = try SQLiteCentreStore(path: centrePath, ledgerKey: LedgerKey.generate())
        let terminal = try TestTerminal.make(certificates: CentreRegister(centre: centre))
        try await terminal.seed()
        let identity = try #require(try await terminal.store.terminal())
        let registered = RegisteredTerminal(
            id: identity.terminalID, jurisdiction: identity.jurisdiction, name: identity.name,
            tokenHash: TerminalToken.hash(TerminalToken.make()), registeredAt: Date())
        try await centre.register(registered)
        try await body(terminal, centre, registered)
    }

    @Test("a printed proof is registered through the outbox and its code checks out; an altered one does not")
    func printedProofChecksOut() async throws {
        try await Self.withCentre { terminal, centre, registered in
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

                let outbox = try await terminal.store.pendingOutbox(limit: 100)
                #expect(outbox.filter { $0.command == SyncCommandKind.certificateIssue.rawValue }.count == 1)
                try await Self.drain(terminal, to: centre, as: registered)
                let entry = try #require(try await centre.certificate(serial: "\(registered.id)-proof-9"))
                #expect(entry.kind == DocumentKind.proofOfInsurance.rawValue)
                #expect(entry.keyID == "test")

                #expect(try await check(qr) == (200, "registered"))
                // The issue time changed in the signed statement: the serial is known, the content is not.
                let sealed = try SealedPayload(qrText: qr)
                var message = sealed.message
                let time = Array(#""t":"#.utf8)
                let position =
                    try #require(message.indices.first { message[$0...].starts(with: time) }) + time.count + 3
                message[position] = message[position] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
                #expect(
                    try await check(SealedPayload(message: message, signature: sealed.signature).qrText) == (
                        200, "altered"
                    )
                )
                #expect(try await check("https://example.com/not-ours") == (422, "not-a-certificate-code"))
                let ledger = try await terminal.store.ledger(from: 1, limit: 100)
                #expect(ledger.filter { $0.action == SyncCommandKind.certificateIssue.rawValue }.count == 1)
            }
        }
    }

    /// The status answer for `qr`, asked as anyone at the kiosk: no token.
    static func receiptStatus(_ qr: String, _ api: StaffAPITests.Client) async throws -> (
        status: Int, body: [String: Any], text: String
    ) {
        let body = try JSONSerialization.data(withJSONObject: ["qr": qr])
        return try await api.call(.post, "/api/receipts/status", json: String(decoding: body, as: UTF8.self))
    }

    /// An application made at the desk and its receipt printed; the receipt's QR code as scanned.
    static func printReceipt(_ terminal: TestTerminal, _ api: StaffAPITests.Client) async throws -> (
        id: String, qr: String
    ) {
        let clerk = try await api.login("clerk1")
        let applied = try await api.call(
            .post, "/api/applications", token: clerk,
            json: #"{"kind":"employment-registration","idNumber":"\#(terminal.here.idNumber)"}"#)
        #expect(applied.status == 201, "\(applied.text)")
        let id = try #require(applied.body["id"] as? String)
        let printed = try await api.call(
            .post, "/api/print", token: clerk,
            json: #"{"key":"receipt-\#(id)","document":"application-receipt","applicationId":"\#(id)"}"#)
        #expect(printed.status == 201, "\(printed.text)")
        let codes = try await scan(try #require(terminal.printer.submissions.last).document.pdf)
        return (id, try #require(codes.first { $0.hasPrefix("SSK1:") }, "\(codes)"))
    }

    @Test(
        "a receipt's code shows its application's step to anyone, the name masked: from this terminal before the centre knows it, then from the centre as decisions come"
    )
    func receiptShowsItsApplication() async throws {
        try await Self.withCentre { terminal, centre, registered in
            try await centre.load(ReferenceDataPage(people: [terminal.here], cursor: "", asOf: Date()))
            try await terminal.terminal.application(watchCards: false).test(.router) { client in
                let api = StaffAPITests.Client(client: client)
                let (id, qr) = try await Self.printReceipt(terminal, api)

                let before = try await Self.receiptStatus(qr, api)
                #expect(before.status == 200, "\(before.text)")
                #expect(before.body["source"] as? String == "terminal")
                #expect(before.body["holder"] as? String == "张*")
                let application = try #require(before.body["application"] as? [String: Any])
                #expect(application["id"] as? String == id)
                #expect(application["status"] as? String == "submitted")
                for secret in [terminal.here.name, terminal.here.idNumber, "clerk1"] {
                    #expect(!before.text.contains(secret))
                }

                try await Self.drain(terminal, to: centre, as: registered)
                let registeredAnswer = try await Self.receiptStatus(qr, api)
                #expect(registeredAnswer.body["source"] as? String == "centre", "\(registeredAnswer.text)")
                #expect((registeredAnswer.body["application"] as? [String: Any])?["status"] as? String == "submitted")

                let supervisor = try await api.login("supervisor1")
                let approval = try await api.call(
                    .post, "/api/applications/\(id)/status", token: supervisor, json: #"{"status":"approved"}"#)
                #expect(approval.status == 200, "\(approval.text)")
                try await Self.drain(terminal, to: centre, as: registered)
                let approved = try await Self.receiptStatus(qr, api)
                #expect(approved.body["source"] as? String == "centre")
                #expect((approved.body["application"] as? [String: Any])?["status"] as? String == "approved")

                let sealed = try SealedPayload(qrText: qr)
                var message = sealed.message
                let name = Array(#""n":"#.utf8)
                let position =
                    try #require(message.indices.first { message[$0...].starts(with: name) }) + name.count + 1
                message[position] ^= 1
                let altered = try await Self.receiptStatus(
                    SealedPayload(message: message, signature: sealed.signature).qrText, api)
                #expect(altered.status == 409)
                #expect(altered.body["code"] as? String == "receipt-altered")
                let notReceipt = try await Self.receiptStatus("https://example.com/not-ours", api)
                #expect(notReceipt.status == 422)
                #expect(notReceipt.body["code"] as? String == "not-a-receipt-code")
            }
        }
    }

    /// A centre that cannot be reached.
    struct UnreachableRegister: DocumentRegister {
        func verify(qrText: String) async throws -> DocumentCheck { throw URLError(.cannotConnectToHost) }
    }

    @Test("with the centre out of reach, the terminal answers for its own receipts and says so for others")
    func receiptWhileCentreIsUnreachable() async throws {
        let terminal = try TestTerminal.make(certificates: UnreachableRegister())
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            let (id, qr) = try await Self.printReceipt(terminal, api)
            let own = try await Self.receiptStatus(qr, api)
            #expect(own.status == 200, "\(own.text)")
            #expect(own.body["source"] as? String == "terminal")
            #expect((own.body["application"] as? [String: Any])?["id"] as? String == id)

            let foreign = SealedPayload(
                message: Array(#"{"d":"x","f":{"a":"T9-1"},"k":"AR","kid":"T9","o":"1","s":"T9-r","t":1,"v":1}"#.utf8),
                signature: [UInt8](repeating: 1, count: 64)
            ).qrText
            let other = try await Self.receiptStatus(foreign, api)
            #expect(other.status == 503, "\(other.text)")
            #expect(other.body["code"] as? String == "centre-unreachable")
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
