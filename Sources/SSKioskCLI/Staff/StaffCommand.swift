import ArgumentParser

/// The terminal's own staff accounts, managed at its command line by its administrator.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, reset, disable, enable and list the terminal's staff accounts.",
        subcommands: [
            StaffAddCommand.self, StaffPasswdCommand.self, StaffDisableCommand.self, StaffEnableCommand.self,
            StaffListCommand.self,
        ]
    )
}
