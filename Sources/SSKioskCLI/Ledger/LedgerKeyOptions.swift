import ArgumentParser
import KioskCore
import KioskSQLite

/// Where the terminal keeps the key that seals its ledger: a file of its own beside its other
/// keys, apart from the database (``LedgerKeyFile``).
struct LedgerKeyOptions: ParsableArguments {
    @Option(help: "The ledger key file (mode 0600, outside the database); the service makes it on first use.")
    var ledgerKey = "/etc/sskiosk/ledger.key"

    /// The key, made first when there is none (the service's first start).
    func readOrCreate() throws -> LedgerKey { try LedgerKeyFile.readOrCreate(ledgerKey) }

    /// The key, which must be there (a check makes none).
    func read() throws -> LedgerKey { try LedgerKeyFile.read(ledgerKey) }
}
