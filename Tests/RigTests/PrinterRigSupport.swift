import Foundation
import Printing
import TestSupport
import Testing

/// The rig's printers (hardware/rig/rig up printers): three ippeveprinters behind cupsd queues.
extension Rig {
    struct Printer: Sendable, CustomStringConvertible {
        /// The name `rig printer fault` takes, and the spool folder's.
        let name: String
        let queue: String
        let uri: String
        /// The PWG name of the printer's media, which the tests' PDFs are sized for.
        let media: String
        /// The page size in PostScript points.
        let pageSize: (width: Double, height: Double)

        var description: String { name }

        /// Where ippeveprinter keeps every job's document (`-d DIR -k`).
        var spool: URL {
            let root = ProcessInfo.processInfo.environment["SSKIOSK_RIG_SPOOL"] ?? "/var/lib/sskiosk-rig/spool"
            return URL(fileURLWithPath: root).appendingPathComponent(name)
        }

        /// The spooled documents of jobs named `key`: ippeveprinter names each `JOBID-JOBNAME.EXT`.
        func spooled(_ key: IdempotencyKey) -> [URL] {
            let files = (try? FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)) ?? []
            return files.filter { file in
                let name = file.deletingPathExtension().lastPathComponent
                guard let dash = name.firstIndex(of: "-"), Int(name[..<dash]) != nil else { return false }
                return name[name.index(after: dash)...] == key.rawValue
            }
        }
    }

    static let a4 = Printer(
        name: "a4", queue: "rig-a4", uri: "ipp://localhost:8631/ipp/print", media: "iso_a4_210x297mm",
        pageSize: (595.28, 841.89))
    static let card = Printer(
        name: "card", queue: "rig-card", uri: "ipp://localhost:8632/ipp/print", media: "custom_cr80_85.6x53.98mm",
        pageSize: (242.65, 153.01))
    /// An 80 mm roll: a page's length goes as a custom size, so `media` and `pageSize` are only the default.
    static let receipt = Printer(
        name: "receipt", queue: "rig-receipt", uri: "ipp://localhost:8633/ipp/print", media: "roll_current_80x297mm",
        pageSize: (226.77, 841.89))

    /// Whether the printers and cupsd with their queues are up. With CI=true a missing rig is a
    /// recorded failure; locally the test is skipped with a loud message, never silently.
    static func printersAreUp(sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        let service = CUPSPrintService(timeout: .seconds(5))
        var missing: [String] = []
        let queues = (try? await service.queues().map(\.name)) ?? []
        for printer in [a4, card, receipt] {
            if !queues.contains(printer.queue) { missing.append("queue \(printer.queue)") }
            if (try? await service.status(of: .printer(uri: printer.uri))) == nil { missing.append(printer.uri) }
        }
        if missing.isEmpty { return true }
        let message =
            "THE RIG'S PRINTERS ARE NOT UP: run `hardware/rig/rig up printers`. Missing: \(missing.joined(separator: ", "))"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("\n*** SKIPPED: \(message)\n")
        }
        return false
    }

    /// Makes `printer` report `fault` (media-empty, media-jam, offline, none) for the length of
    /// `body`; the fault is cleared afterwards, also when `body` throws.
    static func withFault<T>(_ fault: String, on printer: Printer, _ body: () async throws -> T) async throws -> T {
        try await run("printer", "fault", printer.name, fault)
        return try await withCleanup(body) {
            try await run("printer", "fault", printer.name, "none")
        }
    }

    /// A key no earlier run has used: the spool and cupsd's history outlive test runs.
    static func freshKey(_ label: String) throws -> IdempotencyKey {
        try IdempotencyKey("rig-\(label)-\(UUID().uuidString.prefix(8).lowercased())")
    }
}

/// A small valid PDF: one page of `width` x `height` points with a line of text, its
/// cross-reference table at the byte offsets a reader checks.
enum TestPDF {
    static func make(width: Double, height: Double, text: String) -> [UInt8] {
        OnePagePDF.make(width: width, height: height, content: "BT /F1 10 Tf 12 12 Td (\(text)) Tj ET")
    }

    static func document(for printer: Rig.Printer, text: String) throws -> PrintDocument {
        try PrintDocument(
            pdf: make(width: printer.pageSize.width, height: printer.pageSize.height, text: text), title: text)
    }
}
