import ArgumentParser
import Foundation
import SocialSecurityCard

/// Card profiles as data: check a region's file before a terminal uses it, or start one from the
/// national profile.
struct CardProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Check a region's card profile, or print the national one as a starting point.",
        subcommands: [Check.self, Show.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say what is wrong with a card profile file, in plain words (exit 1 if anything is)."
        )

        @Argument(help: "The profile (JSON).")
        var file: String

        func run() async throws {
            // A typed catch of this error crashes Swift 6.3.1's SIL pass here; a Result does not.
            switch Result(catching: { () throws(SocialSecurityCardError) in
                try CardProfile(contentsOf: URL(fileURLWithPath: file))
            }) {
            case .success(let profile):
                let files = profile.ssse.files.map { String($0.fid, radix: 16, uppercase: true) }
                print(
                    "\(file): usable; SSSE files \(files.joined(separator: ", ")), records read by "
                        + "\(profile.recordAccess.rawValue), authentication \(profile.authentication.rawValue), "
                        + "\(profile.keys.count) keys")
            case .failure(let error):
                print(error.message)
                throw ExitCode.failure
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the national card profile as JSON.")

        func run() async throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(CardProfile.standard), as: UTF8.self))
        }
    }
}
