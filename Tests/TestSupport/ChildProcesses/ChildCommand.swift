import Subprocess

/// A child process's command line, environment and working directory, as swift-subprocess takes them.
///
/// On Linux swift-subprocess starts every child with no signal blocked and every signal's default
/// action (its process_shims.c sets POSIX_SPAWN_SETSIGMASK and POSIX_SPAWN_SETSIGDEF, and resets
/// both by hand on its fork/exec path). The tests' own posix_spawn helpers used to ask for that
/// themselves, and it matters: a test thread blocks nearly all signals, and daemons that the rig
/// script starts from a test would inherit that (cupsd and pcscd started from a test were seen with
/// SIGTERM blocked, so cupsd could not stop a backend). Standard input is /dev/null.
struct ChildCommand: Sendable, CustomStringConvertible {
    /// An absolute path first, then the arguments.
    var argv: [String]
    /// Set over the tests' own environment.
    var environment: [String: String]
    /// The tests' working directory when nil.
    var directory: String?

    var description: String { argv.joined(separator: " ") }

    /// The configuration to run. FilePath (swift-system) is written `.init(...)` so that this target
    /// needs no dependency of its own on swift-system for one type's name.
    var configuration: Configuration {
        Configuration(
            executable: .path(.init(argv[0])),
            arguments: Arguments(Array(argv.dropFirst())),
            environment: environment.isEmpty
                ? .inherit
                : .inherit.updating(
                    Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0), $1) })),
            workingDirectory: directory.map { .init($0) }
        )
    }
}
