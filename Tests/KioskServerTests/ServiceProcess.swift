import Foundation
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `sskiosk serve` process on a free localhost port, for tests of the service as a whole
/// (crash safety, schemathesis, sync). Watches no card reader, so it needs no rig and no lock.
struct ServiceProcess {
    let process: BackgroundProcess
    let port: Int
    /// The service's log (standard output and error), kept for a failing test to show.
    let log: URL

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The ledger key file of the service on `database`: beside it, made by the service's first start.
    static func ledgerKeyPath(for database: String) -> String { database + ".ledger.key" }

    /// Starts the service on `database` (its ledger key at ``ledgerKeyPath(for:)``) and returns
    /// once it answers /api/health.
    static func start(database: String, arguments: [String] = []) async throws -> ServiceProcess {
        let port = try LocalPort.free()
        let log = URL(fileURLWithPath: database + ".serve-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = try await BackgroundProcess.start(
            [
                BuildFolder.executable("sskiosk"), "serve", "--config", RigConfiguration.terminal, "--database",
                database,
                "--port", String(port),
                "--ledger-key", ledgerKeyPath(for: database), "--no-resident-reader",
            ] + arguments, output: .file(log.path))
        let service = ServiceProcess(process: process, port: port, log: log)
        let client = APIClient(port: port)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw Failure(description: "sskiosk serve exited at start: \(service.logText)")
            }
            if let (status, _) = try? await client.send("GET", "/api/health"), status == 200 { return service }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await service.kill()
        throw Failure(description: "sskiosk serve did not answer within 120 s: \(service.logText)")
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGKILL: no shutdown handler runs, as in a power cut or an OOM kill. Returns once it has ended.
    @discardableResult
    func kill() async throws -> Termination {
        try await process.kill()
    }
}

/// JSON requests to the service, with a bearer token once signed in.
struct APIClient: Sendable {
    let port: Int
    var token: String?

    init(port: Int, token: String? = nil) {
        self.port = port
        self.token = token
    }

    func send(_ method: String, _ path: String, json: [String: Any]? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, data)
    }

    /// Signs in and returns a client that carries the staff token.
    func login(_ id: String, password: String) async throws -> APIClient {
        let (status, data) = try await send("POST", "/api/staff/login", json: ["id": id, "password": password])
        guard status == 200, let body = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = body["token"] as? String
        else {
            throw ServiceProcess.Failure(description: "login of \(id) answered \(status)")
        }
        return APIClient(port: port, token: token)
    }
}
