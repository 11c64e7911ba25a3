import Foundation

/// The checks of device permissions that do not go through pcscd: the udev rules for every
/// catalogue device attached.
public struct PermissionDiagnostics: Sendable {
    /// `hardware/catalogue.json`; `nil` when it could not be found (the check then says so).
    public var catalogue: URL?

    public init(catalogue: URL?) {
        self.catalogue = catalogue
    }

    public var checks: [any Check] { [UdevRulesCheck(catalogue: catalogue)] }
}
