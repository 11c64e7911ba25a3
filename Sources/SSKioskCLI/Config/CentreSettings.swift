import Centre
import Foundation
import RoleSettings

/// The settings of `sskiosk centre serve`, the county centre's sync service, as keys of
/// /etc/sskiosk/centre.json. The PostgreSQL password is in the passfile the URL names, never in
/// the URL.
enum CentreSettings {
    static let file = "/etc/sskiosk/centre.json"

    static let database = Setting(
        "database", .place, standard: .text(CentreStoreOptions.standardDatabase),
        "centre's SQLite database (unless postgres is set)")
    static let postgres = Setting("postgres", .text, "PostgreSQL URL, its password in a passfile")
    static let ledgerKey = Setting(
        "ledgerKey", .secretFileMadeIfMissing,
        "ledger key file (made on first start; none: \(CentreStoreOptions.ledgerKeyFileName) beside database)")
    static let host = Setting("host", .text, standard: .text("0.0.0.0"), "address to listen on")
    static let port = Setting("port", .wholeNumber, standard: .wholeNumber(8443), "port to listen on (0: any)")
    static let certificate = Setting("certificate", .file, "centre's certificate chain (PEM)")
    static let key = Setting("key", .secretFile, "centre's private key file (PEM)")
    static let clientCA = Setting(
        "clientCA", .file, "CA of terminal certificates made by hand (PEM), trusted beside terminalCA")
    static let terminalCA = Setting(
        "terminalCA", .place, standard: .text(CentreCACommand.standardDirectory),
        "centre's own CA for terminals (ca.key, ca.pem), made on first start")
    static let snapshotLimit = Setting(
        "snapshotLimit", .wholeNumber, standard: .wholeNumber(SnapshotLimit.standard.starts),
        "snapshots one terminal may start per window")
    static let snapshotWindow = Setting(
        "snapshotWindow", .number, standard: .number(SnapshotLimit.standard.window),
        "window of snapshotLimit, in seconds")
    static let snapshotResumeLimit = Setting(
        "snapshotResumeLimit", .wholeNumber, standard: .wholeNumber(CentreServer.standardSnapshotResumeLimit),
        "changes the centre may move past a broken-off snapshot's cursor and still let it resume")

    static let all = [
        database, postgres, ledgerKey, host, port, certificate, key, clientCA, terminalCA, snapshotLimit,
        snapshotWindow,
        snapshotResumeLimit,
    ]

    /// What the centre cannot run without or may not be given.
    static func problems(in settings: RoleSettings) -> [SettingsProblem] {
        var problems = [certificate, key].filter { settings.text($0) == nil }.map {
            SettingsProblem.missing($0, "The centre serves HTTPS: it needs its certificate and key.")
        }
        if (settings.wholeNumber(snapshotLimit) ?? 1) < 1 || (settings.number(snapshotWindow) ?? 1) <= 0 {
            problems.append(
                SettingsProblem(.invalid, "--snapshot-limit must be at least 1 and --snapshot-window more than 0."))
        }
        if (settings.wholeNumber(snapshotResumeLimit) ?? 0) < 0 {
            problems.append(
                SettingsProblem(.invalid, "--snapshot-resume-limit is a number of changes: 0 (never resume) or more."))
        }
        if let url = settings.text(postgres), URLComponents(string: url)?.password != nil {
            problems.append(
                SettingsProblem(
                    .secretValue,
                    "`postgres` holds a password: give it in a password file (.pgpass format, mode 600) "
                        + "named by passfile=FILE in the URL, and drop it from the URL."))
        }
        return problems
    }
}
