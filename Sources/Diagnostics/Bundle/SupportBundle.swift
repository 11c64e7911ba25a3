import Foundation

/// A tar.gz a technician sends to support: the diagnostics report, versions, configuration and
/// recent logs, every file passed through a ``Redactor`` first, so it holds no resident's ID
/// number or name, no PIN and no key. Configuration files go in only as the
/// ``ConfigurationAllowList`` admits them; what it leaves out is named in `left-out.txt`.
public struct SupportBundle: Sendable {
    /// The diagnostics report, as `sskiosk diag --json` prints it.
    public var report: String
    /// What runs here: sskiosk, pcscd, cups, the OS, the kernel.
    public var versions: [String: String]
    /// Configuration files, by path.
    public var configuration: [String]
    /// Log files, by path; only the last ``logTailBytes`` of each.
    public var logs: [String]
    public var redactor: Redactor
    public var logTailBytes = 256 * 1024

    public init(report: String, versions: [String: String], configuration: [String], logs: [String], redactor: Redactor)
    {
        self.report = report
        self.versions = versions
        self.configuration = configuration
        self.logs = logs
        self.redactor = redactor
    }

    /// Writes the bundle to `output` (a .tar.gz) with `tar`; returns the names of the files in it.
    /// Files that do not exist or cannot be read are listed in `missing.txt` instead.
    public func write(to output: URL) async throws -> [String] {
        try await BlockingWork.run { try writeBlocking(to: output) }
    }

    private func writeBlocking(to output: URL) throws -> [String] {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sskiosk-bundle-\(UUID().uuidString)")
        let root = staging.appendingPathComponent("sskiosk-support")
        // The staging folder is the owner's alone (0700), so what is in it before redaction is
        // finished and packed is never readable by others, whatever the umask.
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        guard chmod(staging.path, 0o700) == 0 else { throw DiagnosticsError.bundleNotWritten(staging.path) }
        defer { try? FileManager.default.removeItem(at: staging) }
        var written: [String] = []
        var missing: [String] = []
        var leftOut: [String] = []
        func put(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(redactor.redact(text).utf8).write(to: url)
            written.append(name)
        }
        try put("diagnostics.json", report)
        try put(
            "versions.txt",
            versions.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n")
        let sources: [(directory: String, paths: [String], tail: Int?)] = [
            ("configuration", configuration, nil), ("logs", logs, logTailBytes),
        ]
        for (directory, paths, tail) in sources {
            for path in paths {
                if directory == "configuration", let reason = ConfigurationAllowList.reasonToLeaveOut(path) {
                    leftOut.append("\(path) (\(reason))")
                    continue
                }
                guard let text = Self.read(path, tail: tail) else {
                    missing.append(path)
                    continue
                }
                try put("\(directory)\(path)", text)
            }
        }
        if !missing.isEmpty { try put("missing.txt", missing.joined(separator: "\n") + "\n") }
        if !leftOut.isEmpty { try put("left-out.txt", leftOut.joined(separator: "\n") + "\n") }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["-czf", output.path, "-C", staging.path, "sskiosk-support"]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0, chmod(output.path, 0o600) == 0 else {
            throw DiagnosticsError.bundleNotWritten(output.path)
        }
        return written
    }

    /// The file's text (its last `tail` bytes, from a line start), or nil if it cannot be read.
    private static func read(_ path: String, tail: Int?) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let start = tail.map { size > UInt64($0) ? size - UInt64($0) : 0 } ?? 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() ?? Data() else {
            return nil
        }
        var text = String(decoding: data, as: UTF8.self)
        if start > 0, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        return text
    }
}
