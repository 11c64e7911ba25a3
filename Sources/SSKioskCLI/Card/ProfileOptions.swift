import ArgumentParser
import Foundation
import SocialSecurityCard

/// Which card profile a command reads cards with: the national one, or a region's file.
struct ProfileOptions: ParsableArguments {
    @Option(help: "A region's card profile (JSON; see hardware/card-profiles). Default: the national profile.")
    var profile: String?

    /// The profile, checked; a file's problems are the error, in plain words.
    func load() throws -> CardProfile { try Self.load(profile) }

    /// The profile in the file at `path`, or the national one when nil.
    static func load(_ path: String?) throws -> CardProfile {
        guard let path else { return .standard }
        return try CardProfile(contentsOf: URL(fileURLWithPath: path))
    }
}
