/// What a sign-in answers: the bearer token the page keeps in memory, who signed in, and after how
/// long without a request the session ends (the page locks itself at the same moment).
struct ConsoleSession: Codable, Sendable {
    var token: String
    var staff: CentreStaffMember
    var idleSeconds: Int
}
