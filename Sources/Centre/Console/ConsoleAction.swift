/// What a member of the centre's staff may ask the console to do; ``ConsolePolicy`` says who may.
public enum ConsoleAction: String, Codable, CaseIterable, Hashable, Sendable {
    case viewTerminals = "view-terminals"
    case manageTerminals = "manage-terminals"
    case viewFleet = "view-fleet"
    /// Add the county's staff, disable and enable them, reset their password, change their role or area.
    case manageStaff = "manage-staff"
    /// See the area's cards waiting for production and its batches.
    case viewCardProduction = "view-card-production"
    /// Send the waiting cards to the bureau as a batch, and record a batch delivered.
    case manageCardProduction = "manage-card-production"
    /// Read the area's service figures and export them; each read and export is logged.
    case viewFigures = "view-figures"
    /// Preview and publish the county's service guides and policy notices for every kiosk.
    case publishInformation = "publish-information"
}
