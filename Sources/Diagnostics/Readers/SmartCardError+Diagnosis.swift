import SmartCard

extension SmartCardError {
    /// This error as a check result about `reader`: the technician's cause and fix, in one line each.
    ///
    /// The error's own message is written for the person at the terminal; a technician gets the
    /// reader's name and what to try next, and the PC/SC code in the details.
    func diagnosis(reader: String, details: [String: DetailValue] = [:]) -> CheckResult {
        var details = details
        details["reader"] = "\(reader)"
        if let pcscCode {
            details["pcscCode"] = "0x\(String(UInt32(truncatingIfNeeded: pcscCode), radix: 16, uppercase: true))"
        }
        switch self {
        case .serviceNotRunning, .serviceStopped, .invalidHandle:
            return .fail(
                "pcscd went away while checking \(reader)",
                fix: "Run diag again; if pcscd keeps stopping, read its log (journalctl -u pcscd)", details: details)
        case .unknownReader, .readerUnavailable:
            return .fail(
                "reader \(reader) disappeared from pcscd during the check",
                fix: "Check the reader's USB cable and hub, plug it in again and run diag again", details: details)
        case .noCard:
            return .warn(
                "no card in \(reader)", fix: "Insert a card, chip first, and run diag again", details: details)
        case .cardRemoved, .cardReset, .cardUnpowered:
            return .warn(
                "the card in \(reader) was removed or reset during the check",
                fix: "Leave the card in the reader and run diag again", details: details)
        case .cardUnresponsive:
            return .fail(
                "the card in \(reader) does not answer (mute)",
                fix:
                    "Insert it chip first and the right way up, clean the chip, try another card; if no card answers, replace the reader",
                details: details)
        case .sharingViolation:
            return .warn(
                "another program holds \(reader) exclusively",
                fix: "Wait for it to finish or stop it (is a second kiosk service running?), then run diag again",
                details: details)
        case .securityViolation:
            return .fail(
                "pcscd refused this user access to \(reader)",
                fix: "Run diag as the service user or root; allow group sskiosk in pcscd's polkit rule",
                details: details)
        case .timeout:
            return .fail(
                "reader \(reader) did not answer in time",
                fix: "Plug the reader in again; if it keeps happening, replace the cable or hub", details: details)
        default:
            return .fail(
                "\(reader): \(message)",
                fix:
                    "Take the card out, insert it again and run diag again; if it persists, plug in or replace the reader",
                details: details)
        }
    }
}
