import Foundation

/// What runs on this terminal, for the support bundle: sskiosk, the daemons it needs, the OS.
public enum SystemVersions {
    /// The Debian packages whose versions support asks about first.
    static let packages = ["pcscd", "libpcsclite1", "libccid", "cups-daemon", "libcups2", "cups-filters", "sqlite3"]

    public static func collect(sskiosk: String) async -> [String: String] {
        await BlockingWork.run {
            var versions = ["sskiosk": sskiosk, "kernel": kernel()]
            versions["os"] = osRelease() ?? "unknown"
            for (package, version) in packageVersions() { versions[package] = version }
            return versions
        }
    }

    private static func kernel() -> String {
        var name = utsname()
        uname(&name)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(text(name.sysname)) \(text(name.release)) \(text(name.machine))"
    }

    private static func osRelease() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
        return line.map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: ["\""]) }
    }

    /// Installed packages' versions from dpkg; "not installed" for the others.
    private static func packageVersions() -> [String: String] {
        var versions = Dictionary(uniqueKeysWithValues: packages.map { ($0, "not installed") })
        let dpkg = Process()
        dpkg.executableURL = URL(fileURLWithPath: "/usr/bin/dpkg-query")
        dpkg.arguments = ["-W", "-f", "${Package} ${db:Status-Status} ${Version}\n"] + packages
        let pipe = Pipe()
        dpkg.standardOutput = pipe
        dpkg.standardError = FileHandle.nullDevice
        guard (try? dpkg.run()) != nil else { return versions }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        dpkg.waitUntilExit()
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[1] == "installed" { versions[String(fields[0])] = String(fields[2]) }
        }
        return versions
    }
}
