import ArgumentParser
import Foundation
import SmartCard
import SocialSecurityCard

/// Where a desk command finds the card keys: a PSAM in a reader, or a test key set file.
struct KeyOptions: ParsableArguments {
    @Option(help: "Reader holding the PSAM (a desk's second slot), e.g. 'Virtual PCD 00 01'.")
    var psamReader: String?

    @Option(help: "A test key set file (development and the virtual rig only).")
    var keys: String?

    func validate() throws {
        if psamReader != nil && keys != nil { throw ValidationError("Give either --psam-reader or --keys, not both.") }
    }

    /// The key provider, or nil when neither option was given.
    func provider(_ context: PCSCContext) async throws -> (any KeyProvider)? {
        if let psamReader {
            let connection = try await context.connect(reader: psamReader)
            return try await PSAMKeyProvider(channel: connection)
        }
        if let keys { return try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys)) }
        return nil
    }

    /// The key provider a command cannot do without.
    func requiredProvider(_ context: PCSCContext) async throws -> any KeyProvider {
        guard let provider = try await provider(context) else {
            throw ValidationError("This needs the card keys: give --psam-reader READER or --keys FILE.")
        }
        return provider
    }
}
