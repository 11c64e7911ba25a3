import Foundation
import Testing

@testable import Diagnostics

/// The udev check against a made-up sysfs and /dev: what it says for each way a device can be set up.
@Suite struct UdevRulesCheckTests {
    /// A sysfs and /dev in a temporary directory, with a catalogue whose group is one this machine has.
    final class FakeSystem {
        let root: URL
        let group: String
        let gid: gid_t

        init(withUSBBus: Bool = true) throws {
            root = try makeTemporaryDirectory()
            gid = getgid()
            group = String(cString: getgrgid(gid).pointee.gr_name)
            if withUSBBus {
                try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
            }
            let catalogue = """
                {"serviceGroup": "\(group)", "symlinkDirectory": "sskiosk",
                 "readers": [
                   {"name": "quirky", "vendor": "V", "model": "Quirky", "usb": {"vendor": "257b", "product": "c305"},
                    "quirks": [{"kind": "autosuspend"}]},
                   {"name": "plain", "vendor": "V", "model": "Plain", "usb": {"vendor": "076b", "product": "3021"}, "quirks": []}],
                 "printers": [
                   {"name": "receipt", "vendor": "E", "model": "Receipt", "usb": {"vendor": "04b8", "product": "0202"}, "quirks": []}]}
                """
            try catalogue.write(to: catalogueURL, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var devices: URL { root.appendingPathComponent("sys/bus/usb/devices") }
        var dev: URL { root.appendingPathComponent("dev") }
        var catalogueURL: URL { root.appendingPathComponent("catalogue.json") }

        var check: UdevRulesCheck {
            UdevRulesCheck(
                catalogue: catalogueURL,
                system: .init(
                    sysfs: root.appendingPathComponent("sys"), dev: dev,
                    rules: root.appendingPathComponent("60-sskiosk.rules")))
        }

        /// Plugs in a device: its sysfs entry (with one interface of `interfaceClass`), and, when
        /// `node` is given, its /dev/bus/usb node with that mode and a stable name if `link` is given.
        func plug(
            port: String, vendor: String, product: String, device: Int, interfaceClass: String = "0b",
            power: String? = "auto", node mode: mode_t? = 0o660, link: String? = nil
        ) throws {
            let directory = devices.appendingPathComponent(port)
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("power"), withIntermediateDirectories: true)
            for (name, value) in [
                ("idVendor", vendor), ("idProduct", product), ("busnum", "1"), ("devnum", "\(device)"),
            ] {
                try "\(value)\n".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            if let power {
                try "\(power)\n".write(
                    to: directory.appendingPathComponent("power/control"), atomically: true, encoding: .utf8)
            }
            let interface = devices.appendingPathComponent("\(port):1.0")
            try FileManager.default.createDirectory(at: interface, withIntermediateDirectories: true)
            try "\(interfaceClass)\n".write(
                to: interface.appendingPathComponent("bInterfaceClass"), atomically: true, encoding: .utf8)
            guard let mode else { return }
            let node = dev.appendingPathComponent(String(format: "bus/usb/001/%03d", device))
            try FileManager.default.createDirectory(
                at: node.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: node)
            #expect(chmod(node.path, mode) == 0)
            #expect(chown(node.path, getuid(), gid) == 0)
            guard let link else { return }
            let linkURL = dev.appendingPathComponent(link)
            try FileManager.default.createDirectory(
                at: linkURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: linkURL.path, withDestinationPath: "../\(node.path.dropFirst(dev.path.count + 1))")
        }
    }

    @Test func aMachineWithoutAUSBBusHasNoCatalogueDeviceAttached() async throws {
        let system = try FakeSystem(withUSBBus: false)
        let result = await system.check.run()
        #expect(result.status == .pass)
        #expect(result.cause.hasPrefix("no catalogue device attached"))
        #expect(result.details["usbBus"] == false)
    }

    @Test func aBusWithoutCatalogueDevicesPasses() async throws {
        let system = try FakeSystem()
        try system.plug(port: "1-1", vendor: "046d", product: "c077", device: 2, interfaceClass: "03")
        let result = await system.check.run()
        #expect(result == .pass("no catalogue device attached", details: result.details))
    }

    @Test func devicesWithGroupModeNameAndPowerRightPass() async throws {
        let system = try FakeSystem()
        try system.plug(
            port: "1-1", vendor: "257b", product: "c305", device: 2, power: "on", link: "sskiosk/reader-quirky")
        try system.plug(
            port: "1-2", vendor: "04b8", product: "0202", device: 3, interfaceClass: "07",
            link: "sskiosk/printer-receipt")
        let result = await system.check.run()
        #expect(result.status == .pass, "\(result)")
        #expect(result.cause == "udev rules applied to 2 catalogue devices")
    }

    @Test func eachUnappliedPartIsNamedWithTheDevice() async throws {
        let system = try FakeSystem()
        // Wrong mode, no stable name, autosuspend still on.
        try system.plug(port: "1-1", vendor: "257b", product: "c305", device: 2, power: "auto", node: 0o644)
        let result = await system.check.run()
        #expect(result.status == .fail)
        #expect(result.cause.contains("V Quirky (257b:c305 on 1-1)"))
        #expect(result.cause.contains("mode 644, not 660"))
        #expect(result.cause.contains("no stable name"))
        #expect(result.cause.contains("USB autosuspend not off (power/control is auto)"))
        #expect(result.fix?.contains("make udev-install") == true, "the rules are not installed in the fake system")
    }

    @Test func installedRulesNotYetAppliedAskForATrigger() async throws {
        let system = try FakeSystem()
        try "# installed\n".write(
            to: system.root.appendingPathComponent("60-sskiosk.rules"), atomically: true, encoding: .utf8)
        try system.plug(
            port: "1-1", vendor: "076b", product: "3021", device: 2, node: 0o664, link: "sskiosk/reader-plain")
        let result = await system.check.run()
        #expect(result.status == .fail)
        #expect(result.cause.contains("mode 664, not 660"))
        #expect(result.fix?.contains("udevadm trigger") == true)
        #expect(result.details["rulesInstalled"] == true)
    }

    @Test func aSmartCardDeviceMissingFromTheCatalogueIsAWarning() async throws {
        let system = try FakeSystem()
        try system.plug(port: "3-4", vendor: "1234", product: "abcd", device: 5, node: nil)
        let result = await system.check.run()
        #expect(result.status == .warn)
        #expect(result.cause.contains("1234:abcd on 3-4"))
        #expect(result.fix?.contains("hardware/catalogue.json") == true)
    }

    @Test func aMissingCatalogueIsAFailureThatSaysWhereToPointIt() async throws {
        let system = try FakeSystem()
        try FileManager.default.removeItem(at: system.catalogueURL)
        let result = await system.check.run()
        #expect(result.status == .fail)
        #expect(result.cause.contains("cannot be read"))
        #expect(result.fix?.contains("--catalogue") == true)
    }
}
