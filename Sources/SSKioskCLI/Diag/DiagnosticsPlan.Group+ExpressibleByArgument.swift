import ArgumentParser
import Diagnostics

/// `--skip readers`: the groups by their names.
extension DiagnosticsPlan.Group: ExpressibleByArgument {}
