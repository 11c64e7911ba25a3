import ArgumentParser

/// The county or city centre: its sync service, its terminals and its (synthetic) records.
struct CentreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centre",
        abstract:
            "Run the centre that terminals sync with and its console, add the console's staff, enrol, revoke and rotate terminals, make card batches, generate a county, remove or move records, publish the working calendar and the services' routes, list snapshot pulls.",
        subcommands: [
            CentreServeCommand.self, CentreCACommand.self, CentreEnrolmentCodeCommand.self, CentreTerminalCommand.self,
            CentreRegisterTerminalCommand.self, CentreGenerateCommand.self,
            CentreBatchCommand.self, CentreSnapshotsCommand.self, CentreStaffCommand.self, CentreBackupCommand.self,
            CentreRestoreCommand.self, CentreRemoveCommand.self, CentreMovePersonCommand.self,
            CentreCalendarCommand.self, CentreRoutesCommand.self, CentreGuidesCommand.self, CentreNoticesCommand.self,
            CentreRetireesCommand.self, CentreGradesCommand.self,
            CentreLedgerCommand.self,
        ]
    )
}
