import ArgumentParser
import Centre

/// The centre's own CA for its terminals.
struct CentreCACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca", abstract: "The centre's CA for terminal certificates.", subcommands: [Init.self])

    static let standardDirectory = "/var/lib/sskiosk/centre-ca"

    /// Makes the CA before the first `centre serve` would (which makes it by itself otherwise).
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the CA: ca.key (mode 0600, never leaves the centre) and ca.pem in the directory.")

        @Option(help: "Where the CA is kept.")
        var directory = CentreCACommand.standardDirectory

        func run() throws {
            let authority = try TerminalAuthority.create(in: directory)
            print(TerminalAuthority.certificatePath(in: authority.directory))
        }
    }
}
