import ArgumentParser
import CardSimulator
import Foundation
import SmartCard
import SocialSecurityCard

/// Where a desk command finds the card keys: a PSAM in a reader, or a test key set file.
struct KeyOptions: ParsableArguments {
    @Option(help: "Reader holding the PSAM (a desk's second slot), e.g. 'Virtual PCD 00 01'.")
    var psamReader: String?

    @Option(help: "A test key set file (development and the virtual rig only).")
    var keys: String?

    @Option(help: "A recorded trace whose key holder's answers stand in for the keys (replayed cards on the rig only).")
    var traceKeys: String?

    func validate() throws {
        if [psamReader, keys, traceKeys].compactMap({ $0 }).count > 1 {
            throw ValidationError("Give one of --psam-reader, --keys and --trace-keys.")
        }
    }

    /// The key provider, or nil when neither option was given.
    func provider(_ context: PCSCContext) async throws -> (any KeyProvider)? {
        try await Self.provider(context, psamReader: psamReader, keys: keys, traceKeys: traceKeys)
    }

    /// The key provider of a PSAM in `psamReader`, a key set file `keys` or a trace `traceKeys`, the first
    /// given; nil when none is (the terminal service's come from its settings).
    static func provider(
        _ context: PCSCContext, psamReader: String?, keys: String?, traceKeys: String?
    ) async throws -> (any KeyProvider)? {
        if let psamReader {
            let connection = try await context.connect(reader: psamReader)
            return try await PSAMKeyProvider(channel: connection)
        }
        if let keys { return try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys)) }
        if let traceKeys { return ReplayKeyProvider(trace: try APDUTrace(contentsOf: URL(fileURLWithPath: traceKeys))) }
        return nil
    }

    /// The key provider a command cannot do without.
    func requiredProvider(_ context: PCSCContext) async throws -> any KeyProvider {
        guard let provider = try await provider(context) else {
            throw ValidationError(
                "This needs the card keys: give --psam-reader READER, --keys FILE or --trace-keys TRACE.")
        }
        return provider
    }
}
