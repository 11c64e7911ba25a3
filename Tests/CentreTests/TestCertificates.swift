import Foundation
import TestSupport

/// A centre CA, the centre's certificate for 127.0.0.1, a terminal's client certificate, and a
/// second CA with a client certificate of its own (a terminal nobody installed), made with the
/// openssl CLI in a fresh directory. Test-only keys: EC P-256, a day's validity.
struct TestCertificates {
    let directory: URL

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("centre-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await makeCA("ca")
        try await makeCA("other-ca")
        try await issue(
            "centre", by: "ca", subject: "/CN=centre.test", extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost")
        try await issue("terminal", by: "ca", subject: "/CN=T-101", extensions: "extendedKeyUsage=clientAuth")
        try await issue("stranger", by: "other-ca", subject: "/CN=T-999", extensions: "extendedKeyUsage=clientAuth")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    private func makeCA(_ name: String) async throws {
        try await openssl(
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
            "-subj", "/CN=\(name) test", "-keyout", path("\(name).key"), "-out", path("\(name).pem"))
    }

    func issue(_ name: String, by ca: String, subject: String, extensions: String) async throws {
        try await openssl(
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", subject,
            "-keyout", path("\(name).key"), "-out", path("\(name).csr"))
        try Data(extensions.utf8).write(to: directory.appendingPathComponent("\(name).ext"))
        try await openssl(
            "x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).pem"), "-CAkey", path("\(ca).key"),
            "-CAcreateserial", "-days", "1", "-extfile", path("\(name).ext"), "-out", path("\(name).pem"))
    }

    private func openssl(_ arguments: String...) async throws {
        _ = try await CommandRun.standardOutput(of: ["/usr/bin/openssl"] + arguments)
    }
}
