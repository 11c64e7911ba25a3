import Foundation
import TestSupport

/// A real `sskiosk centre serve` process over mutual TLS with the test CA of
/// `hardware/rig/centre-ca`, on SQLite or PostgreSQL, for the sync process tests.
struct CentreProcess {
    /// Where the centre keeps its records in a test.
    enum Store: String, CaseIterable, Sendable, CustomStringConvertible {
        case sqlite, postgres

        var description: String { rawValue }

        /// The local server hardware/postgres/postgres-up starts, over its socket with peer
        /// authentication. Under CI=true a missing PostgreSQL fails the test; elsewhere it is skipped.
        static let socket = "/var/run/postgresql/.s.PGSQL.5432"
        static let user = ProcessInfo.processInfo.environment["USER"] ?? "root"

        static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    }

    /// The test's files: CA, certificates and keys, tokens, databases, logs.
    let directory: URL
    let store: Store
    /// The SQLite file, or the name of the PostgreSQL database made for this test.
    let database: String
    let port: Int
    /// The network namespace the centre serves in, at ``RuralLine/centreAddress`` behind the line;
    /// nil: this host's loopback.
    var namespace: String?
    private(set) var process: BackgroundProcess?

    var host: String { namespace == nil ? "127.0.0.1" : RuralLine.centreAddress }
    var url: String { "https://\(host):\(port)" }
    var log: URL { directory.appendingPathComponent("centre.log") }
    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The centre's store arguments: a file, or a PostgreSQL URL, and the ledger's key file. With
    /// PostgreSQL the SQLite path still names the data folder (the start record), this test's own.
    var storeArguments: [String] {
        let ledgerKey = ["--ledger-key", file("centre-ledger.key")]
        return switch store {
        case .sqlite: ["--database", database] + ledgerKey
        case .postgres:
            ["--postgres", "postgres://\(Store.user)@/\(database)", "--database", file("centre.sqlite")] + ledgerKey
        }
    }

    /// The county `centre generate` makes; its first township is `COUNTY101`.
    static let county = "430121"
    static let township = county + "101"

    /// Makes the CA and certificates for `terminals`, a store with one generated township of
    /// `people`, and returns the centre, not yet started.
    static func make(store: Store, terminals: [String], people: Int) async throws -> CentreProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try await CommandRun.standardOutput(of: [rigScript("centre-ca"), directory.path] + terminals)
        let database: String
        switch store {
        case .sqlite:
            database = directory.appendingPathComponent("centre.sqlite").path
        case .postgres:
            database = "sskiosk_sync_\(UUID().uuidString.prefix(8).lowercased())"
            _ = try await CommandRun.standardOutput(of: [
                "/usr/bin/psql", "-d", "postgres", "-q", "-c",
                "CREATE DATABASE \(database) TEMPLATE template0 ENCODING 'UTF8'",
            ])
        }
        let centre = CentreProcess(
            directory: directory, store: store, database: database, port: try LocalPort.free())
        try await centre.sskiosk(
            ["centre", "generate"] + centre.storeArguments + [
                "--county", county, "--people", String(people), "--months", "12",
            ])
        return centre
    }

    /// Registers a terminal for the township and writes its token to `TERMINAL.token`.
    func register(_ terminal: String) async throws {
        let token = try await sskiosk(
            ["centre", "register-terminal"] + storeArguments + [
                "--id", terminal, "--jurisdiction", Self.township, "--name", terminal,
            ]
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try PrivateFile.write(
            Data((token.split(separator: "\n").last.map(String.init) ?? token).utf8),
            to: URL(fileURLWithPath: file("\(terminal).token")))
    }

    /// The options that name this centre and the terminal's certificate (its own, or another),
    /// key and token, as every terminal command that talks to the centre takes them.
    func linkArguments(_ terminal: String, certificate: String? = nil) -> [String] {
        let identity = certificate ?? terminal
        return [
            "--centre", url, "--centre-ca", file("ca.pem"), "--centre-certificate", file("\(identity).pem"),
            "--centre-key", file("\(identity).key"), "--centre-token-file", file("\(terminal).token"),
        ]
    }

    /// The terminal options of `sskiosk serve` for this centre, with the terminal's own (or another) certificate.
    func terminalArguments(_ terminal: String, certificate: String? = nil) -> [String] {
        linkArguments(terminal, certificate: certificate) + [
            "--terminal-id", terminal, "--jurisdiction", Self.township,
            "--sync-interval", "0.2", "--pull-interval", "1", "--sync-backoff-limit", "2",
        ]
    }

    /// Issues a one-time enrolment code for `terminal` in the township; answers the code.
    func enrolmentCode(_ terminal: String, rotate: Bool = false) async throws -> String {
        let command =
            rotate
            ? ["centre", "terminal", "rotate"] + storeArguments + [terminal]
            : ["centre", "enrolment-code"] + storeArguments + [
                "--terminal-id", terminal, "--jurisdiction", Self.township,
            ]
        return try await sskiosk(command).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `sskiosk enrol` with `code` into `directory`, trusting the centre's CA.
    @discardableResult
    func enrol(code: String, into directory: String) async throws -> String {
        try await sskiosk([
            "enrol", "--centre", url, "--code", code, "--centre-ca", file("ca.pem"), "--directory", directory,
        ])
    }

    /// The terminal options of `sskiosk serve` for a terminal enrolled into `directory`: no file named,
    /// all found there.
    func enrolledTerminalArguments(_ terminal: String, directory: String) -> [String] {
        [
            "--centre", url, "--enrolment-directory", directory, "--terminal-id", terminal,
            "--jurisdiction", Self.township, "--sync-interval", "0.2", "--pull-interval", "1",
            "--sync-backoff-limit", "2",
        ]
    }

    /// The command line of `centre serve` for this centre.
    var serveCommand: [String] {
        (namespace.map { ["/usr/sbin/ip", "netns", "exec", $0] } ?? [])
            + [BuildFolder.executable("sskiosk"), "centre", "serve"] + storeArguments + [
                "--host", host, "--port", String(port), "--certificate", file("centre.pem"),
                "--key", file("centre.key"), "--client-ca", file("ca.pem"), "--terminal-ca", file("terminal-ca"),
            ]
    }

    /// Starts `centre serve` and returns once this process says it listens on ``port``: another
    /// test's server that took the port meanwhile also accepts connections, and this centre then
    /// exits, so a connection alone does not show that it serves.
    mutating func start() async throws {
        let listening = "listening on \(port)\n"
        let earlier = logText.components(separatedBy: listening).count
        let process = try await BackgroundProcess.start(serveCommand, output: .file(log.path))
        self.process = process
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Failure("centre serve exited at start: \(logText)") }
            if logText.components(separatedBy: listening).count > earlier { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure("centre serve did not listen within 60 s: \(logText)")
    }

    /// SIGTERM and wait (a clean stop), or SIGKILL (a crash).
    mutating func stop(kill: Bool = false) async throws {
        guard let process else { return }
        try await process.stop(kill ? SIGKILL : SIGTERM)
        self.process = nil
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Rows of a query on the centre's store, each row's columns joined by `|`.
    func query(_ sql: String) async throws -> [String] {
        let argv =
            switch store {
            case .sqlite: ["/usr/bin/sqlite3", "-batch", "-noheader", database, sql]
            case .postgres: ["/usr/bin/psql", "-d", database, "-At", "-c", sql]
            }
        return try await CommandRun.standardOutput(of: argv).split(separator: "\n").map(String.init)
    }

    /// Drops the test's PostgreSQL database and removes its files.
    func remove() async {
        if store == .postgres {
            _ = try? await CommandRun.standardOutput(of: [
                "/usr/bin/psql", "-d", "postgres", "-q", "-c", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)",
            ])
        }
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func sskiosk(_ arguments: [String], input: String? = nil) async throws -> String {
        try await CommandRun.standardOutput(of: [BuildFolder.executable("sskiosk")] + arguments, input: input)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func rigScript(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("hardware/rig/\(name)").path
    }

    /// PostgreSQL's socket is there.
    static var postgresAvailable: Bool { FileManager.default.fileExists(atPath: Store.socket) }
}
