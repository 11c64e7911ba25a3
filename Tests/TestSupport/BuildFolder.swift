import Foundation

/// The build folder the tests were built in: its executables sit beside the test binary.
package enum BuildFolder {
    /// The path of the executable `name` built with these tests (`sskiosk`, `KioskSQLiteCrashWriter`).
    package static func executable(_ name: String) -> String {
        Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
