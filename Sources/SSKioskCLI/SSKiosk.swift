import ArgumentParser
import KioskServer

/// The one executable of the terminal: each concern is a subcommand.
@main
struct SSKiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sskiosk",
        abstract:
            "Social security card terminal: card readers, cards, printers, documents, diagnostics, and the virtual rig.",
        version: KioskTerminal.version,
        subcommands: [
            ReadersCommand.self,
            WatchCommand.self,
            SendCommand.self,
            ServeCommand.self,
            ConfigCommand.self,
            CardCommand.self,
            DiagCommand.self,
            SimCommand.self,
            PrintCommand.self,
            DocumentCommand.self,
            LedgerCommand.self,
            StaffCommand.self,
            TerminalSyncCommand.self,
            EnrolCommand.self,
            CentreCommand.self,
        ]
    )
}
