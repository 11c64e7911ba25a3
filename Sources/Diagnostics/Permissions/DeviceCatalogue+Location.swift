import Foundation

extension DeviceCatalogue {
    /// Where the catalogue is: `configured`, else `$SSKIOSK_CATALOGUE`, else `hardware/catalogue.json`
    /// in the source tree this binary was built in; `nil` when none is found (the udev check says so).
    static func location(configured: String?) -> URL? {
        if let configured { return URL(fileURLWithPath: configured) }
        if let path = ProcessInfo.processInfo.environment["SSKIOSK_CATALOGUE"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hardware/catalogue.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
