import ArgumentParser
import Foundation
import RoleSettings

/// The two roles that read a configuration file: a terminal (`sskiosk serve`) and a centre
/// (`sskiosk centre serve`), each with its keys, its default file and its rules.
enum SettingsRole: String, CaseIterable, ExpressibleByArgument {
    case terminal
    case centre

    var known: [Setting] {
        switch self {
        case .terminal: TerminalSettings.all
        case .centre: CentreSettings.all
        }
    }

    var standardFile: String {
        switch self {
        case .terminal: TerminalSettings.file
        case .centre: CentreSettings.file
        }
    }

    /// The settings of this role from `flags`, this process's environment and `file` (the default
    /// file when nil), and all that is wrong with them; with `checkingFiles`, the files they name
    /// are opened too, as `config check` does.
    func read(
        flags: FlagValues = FlagValues(), file: String?, checkingFiles: Bool = false
    ) async -> (settings: RoleSettings, problems: [SettingsProblem]) {
        let (settings, found) = await RoleSettings.read(
            known, role: rawValue, flags: flags, environment: ProcessInfo.processInfo.environment,
            file: SettingsFile(named: file, standard: standardFile))
        var problems = found
        switch self {
        case .terminal: problems += TerminalSettings.problems(in: settings)
        case .centre: problems += CentreSettings.problems(in: settings)
        }
        if checkingFiles { problems += settings.fileProblems(serviceUser: Self.serviceUser) }
        return (settings, problems)
    }

    /// The account the packages' units run the services as (packaging/sskiosk/postinst), when this
    /// machine has it: `config check` run as root judges the service's secret files as it will.
    static var serviceUser: uid_t? { getpwnam("sskiosk").map { $0.pointee.pw_uid } }

    /// The settings a service runs with; any problem stops it before it starts, each in plain words.
    func load(flags: FlagValues, file: String?) async throws -> RoleSettings {
        let (settings, problems) = await read(flags: flags, file: file)
        guard problems.isEmpty else {
            throw ValidationError(
                problems.map(\.message).joined(separator: "\n")
                    + "\n(`sskiosk config check --role \(rawValue)` checks the settings and the files they name.)")
        }
        return settings
    }
}
