import ArgumentParser
import Diagnostics
import Foundation
import KioskSQLite
import KioskServer

/// A support bundle: the diagnostics report, versions, configuration and recent logs in one
/// tar.gz, with ID numbers masked and names, PINs and keys removed, for a technician to send on.
struct DiagBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract:
            "Write a support bundle (diagnostics, versions, configuration, logs) with personal data and secrets removed."
    )

    @Option(help: "The .tar.gz file to write.")
    var output: String

    @Option(help: "A configuration file to include (repeat for more); default: /etc/sskiosk/* and cupsd.conf.")
    var config: [String] = []

    @Option(help: "A log file to include (repeat for more); default: the service's, the rig's and cupsd's logs.")
    var log: [String] = []

    @OptionGroup var options: DiagOptions

    func run() async throws {
        let report = await options.plan.run()
        let bundle = SupportBundle(
            report: report.json(),
            versions: await SystemVersions.collect(sskiosk: KioskTerminal.version),
            configuration: config.isEmpty ? Self.files(in: "/etc/sskiosk") + ["/etc/cups/cupsd.conf"] : config,
            logs: log.isEmpty
                ? Self.files(in: "/var/log/sskiosk") + Self.files(in: "/run/sskiosk-rig", ending: ".log")
                    + ["/var/log/cups/error_log"] : log,
            redactor: await Redactor.removingNames(
                inCache: options.database, read: SQLiteKioskStore.names(inCacheAt:)))
        let files = try await bundle.write(to: URL(fileURLWithPath: output))
        print("wrote \(output): \(files.joined(separator: ", "))")
        print("diagnostics: \(report.status) (exit \(report.exitCode))")
    }

    /// The regular files in `directory` (none if it does not exist), sorted.
    private static func files(in directory: String, ending suffix: String = "") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(directory)/\($0)" }
    }
}
