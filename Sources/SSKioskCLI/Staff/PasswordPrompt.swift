import ArgumentParser
import KioskCore

/// Reads a first password for a member of staff as a ``HiddenLine``: twice when a person types it,
/// once from a pipe.
enum PasswordPrompt {
    static func readNew(for id: String) throws -> NewPassword {
        guard let password = HiddenLine.read("First password for \(id): ") else {
            throw ValidationError("No password given on standard input.")
        }
        let checked = try NewPassword(password, staffID: id)
        if HiddenLine.isInteractive, HiddenLine.read("The same again: ") != password {
            throw ValidationError("The two passwords differ; nothing was changed.")
        }
        return checked
    }
}
