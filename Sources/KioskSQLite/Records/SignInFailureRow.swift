import Foundation
import GRDB
import KioskCore

/// A member of staff's wrong passwords in a row and the lock they led to (v8).
struct SignInFailureRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "signInFailure"

    var staffID: String
    var count: Int
    var lockedUntil: Date?

    init(staffID: String, _ failures: SignInFailures) {
        self.staffID = staffID
        count = failures.count
        lockedUntil = failures.lockedUntil
    }

    var failures: SignInFailures { SignInFailures(count: count, lockedUntil: lockedUntil) }
}
