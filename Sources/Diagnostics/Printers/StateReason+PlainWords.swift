import Printing

extension StateReason {
    /// The reason in words a technician acts on; the IPP keyword for those without a known wording.
    var plainWords: String {
        switch keyword {
        case "media-empty", "media-needed": "out of paper (or cards)"
        case "media-low": "paper (or cards) running low"
        case "media-jam": "paper (or a card) jammed"
        case "input-tray-missing": "an input tray is missing"
        case "cover-open", "door-open", "interlock-open": "a cover or door is open"
        case "toner-empty", "marker-supply-empty", "marker-ink-empty": "toner, ink or ribbon used up"
        case "toner-low", "marker-supply-low", "marker-ink-low": "toner, ink or ribbon running low"
        case "offline", "shutdown": "switched off or offline"
        case "connecting-to-device": "cupsd is trying to reach the printer"
        case "timed-out": "the printer stopped answering"
        case "paused": "stopped by staff (cupsdisable)"
        case "spool-area-full": "the spool disk is full"
        case "other": "a fault the printer does not name"
        default: keyword
        }
    }
}

extension PrinterFault {
    /// What the technician does about the fault on `queue`.
    func fix(queue: String) -> String {
        switch self {
        case .mediaEmpty: "Load paper (or cards) into the printer's tray; waiting jobs then print by themselves"
        case .mediaJam: "Open the printer, take out the jammed sheet or card, close it; the held job goes on"
        case .coverOpen: "Close the printer's covers and doors"
        case .suppliesEmpty: "Replace the toner, ink or ribbon"
        case .offline:
            "Switch the printer on and check its cable or network, then cupsenable \(queue) if the queue stopped"
        case .paused: "Resume the queue: cupsenable \(queue) && cupsaccept \(queue)"
        case .other: "Look at the printer's panel, switch it off and on, then cupsenable \(queue)"
        }
    }
}
