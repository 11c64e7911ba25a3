import ArgumentParser
import KioskCore
import KioskSQLite

/// Where the terminal keeps the key that seals its ledger: a file of its own beside its other
/// keys, apart from the database (``LedgerKeyFile``).
struct LedgerKeyOptions: ParsableArguments {
    /// The installed terminal's ledger key; also the `ledgerKey` setting's default.
    static let standardPath = "/etc/sskiosk/ledger.key"

    @Option(
        help:
            "The ledger key file (mode 0600, outside the database; default: \(LedgerKeyOptions.standardPath)); made on first use."
    )
    var ledgerKey: String?

    /// The file named, or the installed terminal's.
    var path: String { ledgerKey ?? Self.standardPath }

    /// The key, made first when there is none (the service's first start).
    func readOrCreate() throws -> LedgerKey { try LedgerKeyFile.readOrCreate(path) }

    /// The key, which must be there (a check makes none).
    func read() throws -> LedgerKey { try LedgerKeyFile.read(path) }
}
