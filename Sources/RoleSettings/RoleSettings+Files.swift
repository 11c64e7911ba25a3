import Foundation
import Glibc
import Secrets

extension RoleSettings {
    /// What is wrong with the files the settings name: a file that is not there or cannot be read,
    /// and a secret file that group or others may read (``SecretFile``'s own checks, whose words
    /// say how to fix it). No byte of a secret is kept or shown. A secret file of `serviceUser` (the
    /// account the service runs as) is judged as that service will judge it, whoever checks.
    public func fileProblems(serviceUser: uid_t? = nil) -> [SettingsProblem] {
        known.compactMap { setting in
            guard let path = text(setting) else { return nil }
            switch setting.kind {
            case .file:
                guard FileManager.default.isReadableFile(atPath: path) else {
                    return SettingsProblem(.unreadablePath, "`\(setting.key)` names \(path), which cannot be read.")
                }
                return nil
            case .secretFileMadeIfMissing where !FileManager.default.fileExists(atPath: path):
                return nil
            case .secretFile, .secretFileMadeIfMissing:
                do {
                    try SecretFile.withContents(of: path, serviceUser: serviceUser) { _ in }
                    return nil
                } catch let error as SecretFileError {
                    let code: SettingsProblem.Code =
                        error.code == .tooOpen || error.code == .foreignOwner ? .looseSecretFile : .unreadablePath
                    return SettingsProblem(code, "`\(setting.key)`: \(error.message)")
                } catch {
                    return SettingsProblem(.unreadablePath, "`\(setting.key)`: \(error)")
                }
            case .text, .wholeNumber, .number, .onOff, .place:
                return nil
            }
        }
    }
}
