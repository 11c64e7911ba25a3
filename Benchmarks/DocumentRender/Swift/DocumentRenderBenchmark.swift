@preconcurrency import Crypto
import Documents
import Foundation
import Printing

/// Render time of a certificate (proof of insurance) and of a 10-page contribution statement with
/// the Documents engine, the data the reportlab peer lays out, and submit-to-spool time through cupsd.
///
///     DocumentRenderBenchmark data                        the documents' content as JSON, for the peer
///     DocumentRenderBenchmark render ITERATIONS WARMUP    `sample proof|statement NS` per render
///     DocumentRenderBenchmark spool QUEUE SPOOL ITERATIONS
///                                                         `sample spool NS`: submit a PDF to QUEUE until
///                                                         its file is in the printer's folder SPOOL
@main
enum DocumentRenderBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().map { $0 }
        switch arguments.first {
        case "data":
            FileHandle.standardOutput.write(try BenchmarkDocuments.peerData())
        case "render" where arguments.count == 3:
            try render(iterations: Int(arguments[1])!, warmup: Int(arguments[2])!)
        case "spool" where arguments.count == 4:
            try await spool(queue: arguments[1], folder: arguments[2], iterations: Int(arguments[3])!)
        default:
            FileHandle.standardError.write(
                Data("usage: DocumentRenderBenchmark data | render N WARMUP | spool QUEUE SPOOL N\n".utf8))
            exit(2)
        }
    }

    static func render(iterations: Int, warmup: Int) throws {
        let renderer = DocumentRenderer(
            signer: Ed25519Signer(keyID: "BENCH-01", privateKey: Curve25519.Signing.PrivateKey()))
        let documents: [(String, any DocumentSource)] = [
            ("proof", BenchmarkDocuments.proof), ("statement", BenchmarkDocuments.statement),
        ]
        for (name, document) in documents {
            let pages = try renderer.render(document).pageCount
            print("pages \(name) \(pages)")
            for index in 0..<(warmup + iterations) {
                let start = ContinuousClock.now
                let rendered = try renderer.render(document)
                let elapsed = ContinuousClock.now - start
                precondition(rendered.pageCount == pages)
                if index >= warmup { print("sample \(name) \(elapsed.nanoseconds)") }
            }
        }
    }

    static func spool(queue: String, folder: String, iterations: Int) async throws {
        let service = CUPSPrintService(timeout: .seconds(10))
        let pdf = try DocumentRenderer(
            signer: Ed25519Signer(keyID: "BENCH-01", privateKey: Curve25519.Signing.PrivateKey())
        ).render(BenchmarkDocuments.proof).pdf
        let run = UUID().uuidString.prefix(8).lowercased()
        for index in 0..<iterations {
            let key = try IdempotencyKey("bench-\(run)-\(index)")
            let start = ContinuousClock.now
            let job = try await service.submit(
                try PrintDocument(pdf: pdf, title: key.rawValue), to: .queue(queue), key: key,
                options: PrintOptions())
            while !spooled(key, in: folder) {
                guard ContinuousClock.now - start < .seconds(60) else {
                    throw BenchmarkFailure(description: "job \(job.id) not in \(folder) after 60 s")
                }
                try await Task.sleep(for: .milliseconds(2))
            }
            print("sample spool \((ContinuousClock.now - start).nanoseconds)")
            _ = try await service.waitUntilFinished(job, timeout: .seconds(60))
        }
    }

    /// Whether ippeveprinter has written the job's file (JOBID-JOBNAME.pdf) and closed it: it
    /// names the file when it has the whole document.
    static func spooled(_ key: IdempotencyKey, in folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.hasSuffix("-\(key.rawValue).pdf") }
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
