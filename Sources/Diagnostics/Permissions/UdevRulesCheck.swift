import Foundation

/// Are the udev rules applied to every catalogue device plugged in? For each one: its /dev/bus/usb
/// node belongs to the service's group with mode 0660, its stable name exists, and autosuspend is
/// off where the catalogue says so. Smart-card or printer devices missing from the catalogue get
/// no rule at all, so they are named too.
struct UdevRulesCheck: Check {
    let name = "udev-rules"
    let category = CheckCategory.permissions
    /// Where the catalogue is; `nil` when it could not be found.
    var catalogue: URL?
    /// Where sysfs and /dev are: the real ones, or a copy in a test.
    var system = SystemPaths()

    struct SystemPaths: Sendable {
        var sysfs = URL(fileURLWithPath: "/sys")
        var dev = URL(fileURLWithPath: "/dev")
        /// Where `make udev-install` puts the rules.
        var rules = URL(fileURLWithPath: "/etc/udev/rules.d/60-sskiosk.rules")
    }

    /// The mode the rules give every catalogue device.
    static let mode: mode_t = 0o660

    func run() async -> CheckResult {
        let devices = system.sysfs.appendingPathComponent("bus/usb/devices")
        let rulesInstalled = FileManager.default.fileExists(atPath: system.rules.path)
        var details: [String: DetailValue] = ["rulesInstalled": .bool(rulesInstalled)]
        guard FileManager.default.fileExists(atPath: devices.path) else {
            details["usbBus"] = false
            return .pass(
                "no catalogue device attached: this machine shows no USB bus (\(devices.path) is missing)",
                details: details)
        }
        let catalogue: DeviceCatalogue
        do throws(DiagnosticsError) {
            guard let url = self.catalogue else { throw .catalogueNotFound }
            catalogue = try DeviceCatalogue(contentsOf: url)
        } catch {
            return .fail(
                "cannot check the udev rules: \(error.message)",
                fix: "Give the catalogue's path with --catalogue FILE", details: details)
        }
        let attached = USBDevice.attached(in: devices)
        var checked: [DetailValue] = []
        var problems: [String] = []
        for device in attached {
            guard let entry = catalogue.device(for: device.id) else { continue }
            let found = findings(for: device, entry: entry, catalogue: catalogue)
            checked.append([
                "name": "\(entry.name)", "usb": "\(device.id)", "port": "\(device.port)",
                "problems": .list(found.map { "\($0)" }),
            ])
            if !found.isEmpty {
                problems.append(
                    "\(entry.vendor) \(entry.model) (\(device.id) on \(device.port)): \(found.joined(separator: ", "))")
            }
        }
        details["catalogueDevices"] = .list(checked)
        let strangers = attached.filter { device in
            catalogue.device(for: device.id) == nil
                && !device.interfaceClasses.isDisjoint(with: [USBDevice.smartCardClass, USBDevice.printerClass])
        }
        details["uncataloguedDevices"] = .list(strangers.map { "\($0.id) on \($0.port)" })
        if !problems.isEmpty {
            let groupMissing = getgrnam(catalogue.serviceGroup) == nil
            let fix =
                !rulesInstalled || groupMissing
                ? "Install the rules and the group: make udev-install, then plug the device in again"
                : "Apply the rules again: udevadm trigger --action=change --subsystem-match=usb, or plug the device in again"
            return .fail("udev rules not applied to \(problems.joined(separator: "; "))", fix: fix, details: details)
        }
        if !strangers.isEmpty {
            return .warn(
                "smart-card or printer device not in the catalogue, so no udev rule covers it: \(strangers.map { "\($0.id) on \($0.port)" }.joined(separator: ", "))",
                fix:
                    "Replace it with a catalogued model, or add it to hardware/catalogue.json and udev/ (see hardware/README.md)",
                details: details)
        }
        guard !checked.isEmpty else {
            return .pass("no catalogue device attached", details: details)
        }
        return .pass(
            "udev rules applied to \(checked.count) catalogue device\(checked.count == 1 ? "" : "s")", details: details)
    }

    /// What is wrong with one catalogue device's node, stable name and power setting.
    private func findings(for device: USBDevice, entry: DeviceCatalogue.Device, catalogue: DeviceCatalogue) -> [String]
    {
        var found: [String] = []
        let node = system.dev.appendingPathComponent(device.nodePath)
        var info = stat()
        if stat(node.path, &info) != 0 {
            found.append("no device node \(node.path)")
        } else {
            let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "gid \(info.st_gid)"
            if group != catalogue.serviceGroup { found.append("group \(group), not \(catalogue.serviceGroup)") }
            let mode = info.st_mode & 0o777
            if mode != Self.mode {
                found.append("mode \(String(mode, radix: 8)), not \(String(Self.mode, radix: 8))")
            }
        }
        let link = system.dev.appendingPathComponent(catalogue.symlink(for: entry))
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil
        if !isLink || link.resolvingSymlinksInPath().path != node.resolvingSymlinksInPath().path {
            found.append("no stable name \(link.path)")
        }
        if entry.needsAutosuspendOff, device.powerControl != "on" {
            found.append("USB autosuspend not off (power/control is \(device.powerControl ?? "missing"))")
        }
        return found
    }
}
