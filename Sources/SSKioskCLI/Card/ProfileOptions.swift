import ArgumentParser
import Foundation
import SocialSecurityCard

/// Which card profile a command reads cards with: the national one, or a region's file.
struct ProfileOptions: ParsableArguments {
    @Option(help: "A region's card profile (JSON; see hardware/card-profiles). Default: the national profile.")
    var profile: String?

    /// The profile, checked; a file's problems are the error, in plain words.
    func load() throws -> CardProfile {
        guard let profile else { return .standard }
        return try CardProfile(contentsOf: URL(fileURLWithPath: profile))
    }
}
