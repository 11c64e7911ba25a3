/// What a member of the centre's staff may ask the console to do; ``ConsolePolicy`` says who may.
public enum ConsoleAction: String, Codable, CaseIterable, Hashable, Sendable {
    case viewTerminals = "view-terminals"
    case manageTerminals = "manage-terminals"
    case viewFleet = "view-fleet"
}
