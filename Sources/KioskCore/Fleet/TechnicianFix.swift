/// Fixes that the terminal's diagnostics give and the centre's fleet alerts repeat, written once so
/// that a technician reads the same words at the terminal (`sskiosk diag`) and in the console.
public enum TechnicianFix {
    public static let reachCentre =
        "Check the terminal's network (cable, 4G, VPN) and the centre's address; the terminal keeps working offline and sends its queue later"
    public static let setClock =
        "Set the clock: timedatectl set-ntp true (or date -s with the centre's time), then check again"
}
