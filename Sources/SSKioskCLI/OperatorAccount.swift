import Foundation

/// Whoever runs a command on the machine, by their system account: the name the terminal's and
/// the centre's ledgers give the command line's acts.
enum OperatorAccount {
    static var name: String {
        getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid\(getuid())"
    }
}
