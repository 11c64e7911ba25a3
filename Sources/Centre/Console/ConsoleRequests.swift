import Foundation

/// The bodies the console's pages send.
enum ConsoleRequests {
    static let maximumBytes = 4 << 10
    /// A guide or a notice: some thousands of characters of Chinese.
    static let maximumPublicationBytes = 64 << 10

    struct SignIn: Decodable {
        var id: String
        var password: String
    }

    struct ChangePassword: Decodable {
        var id: String
        var password: String
        var newPassword: String
    }

    struct NewTerminal: Decodable {
        var terminalID: String
        var jurisdiction: String
        var name: String
        var expiresInHours: Int
    }

    /// The area whose waiting cards a new batch takes.
    struct NewBatch: Decodable {
        var region: String
    }

    struct Rotation: Decodable {
        var expiresInHours: Int
    }

    /// A new member of the centre's staff, or another role and area for one.
    struct StaffAssignment: Decodable {
        var id: String?
        var name: String?
        var role: CentreRole
        var jurisdiction: String
    }

    /// A first password as it is shown, the only time: the member must change it at sign-in.
    struct IssuedPassword: Encodable {
        var staff: ConsoleStaff
        var firstPassword: String
    }

    /// A code as it is shown, the only time.
    struct IssuedCode: Encodable {
        var terminalID: String
        var code: String
        var expiresAt: Date
    }

    /// Letters, digits, `-`, `_` and `.`, 1 to 64 of them, ASCII: terminal ids and staff ids.
    static func isIdentifier(_ id: String) -> Bool {
        (1...64).contains(id.count)
            && id.allSatisfy { ($0.isLetter || $0.isNumber || "-_.".contains($0)) && $0.isASCII }
    }
}
