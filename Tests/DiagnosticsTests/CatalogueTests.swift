import Diagnostics
import Foundation
import TestSupport
import Testing

/// The catalogue, the udev rules and the README table say the same thing.
@Suite struct CatalogueTests {
    let catalogue: DeviceCatalogue

    init() throws {
        catalogue = try DeviceCatalogue(contentsOf: Repository.url("hardware/catalogue.json"))
    }

    private var devices: [DeviceCatalogue.Device] { catalogue.readers + catalogue.printers }

    @Test func namesAreUniqueAndUSBIDsAreFourLowerCaseHexDigits() {
        #expect(Set(devices.map(\.name)).count == devices.count)
        let hex = Set("0123456789abcdef")
        for device in devices {
            #expect(device.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(device.name)")
            guard let usb = device.usb else { continue }
            for part in [usb.vendor, usb.product] {
                #expect(part.count == 4 && part.allSatisfy(hex.contains), "\(device.name): \(usb)")
            }
        }
        let ids = devices.compactMap(\.usb)
        #expect(Set(ids).count == ids.count, "two catalogue entries share a USB id")
    }

    @Test func everyCatalogueDeviceHasAnAccessRuleAndEveryRuleACatalogueDevice() throws {
        let rules = try UdevRuleParser.parse(try Repository.text("udev/60-sskiosk.rules"))
        var seen: [DeviceCatalogue.USBID: UdevRuleParser.Rule] = [:]
        for rule in rules {
            guard let vendor = rule.value("ATTR", "idVendor", op: "==") else { continue }
            let id = DeviceCatalogue.USBID(
                vendor: vendor, product: try #require(rule.value("ATTR", "idProduct", op: "==")))
            #expect(seen.updateValue(rule, forKey: id) == nil, "two rules for \(id)")
            #expect(catalogue.device(for: id) != nil, "line \(rule.line): \(id) is not in the catalogue")
        }
        for device in devices {
            guard let usb = device.usb else { continue }
            let rule = try #require(seen[usb], "\(device.name) (\(usb)) has no rule in 60-sskiosk.rules")
            #expect(rule.value("GROUP", op: "=") == catalogue.serviceGroup, "\(device.name)")
            #expect(rule.value("MODE", op: "=") == "0660", "\(device.name)")
            #expect(rule.value("SYMLINK", op: "+=") == catalogue.symlink(for: device), "\(device.name)")
        }
        #expect(!seen.isEmpty)
    }

    @Test func autosuspendIsTurnedOffForExactlyTheReadersWithThatQuirk() throws {
        let rules = try UdevRuleParser.parse(try Repository.text("udev/93-sskiosk-autosuspend.rules"))
        let turnedOff = try Set(
            rules.filter { $0.value("ATTR", "power/control", op: "=") == "on" }.map { rule in
                DeviceCatalogue.USBID(
                    vendor: try #require(rule.value("ATTR", "idVendor", op: "==")),
                    product: try #require(rule.value("ATTR", "idProduct", op: "==")))
            })
        let quirky = Set(catalogue.readers.filter(\.needsAutosuspendOff).compactMap(\.usb))
        #expect(!quirky.isEmpty)
        #expect(turnedOff == quirky)
        // No access rules hide in the autosuspend file, where the consistency test above would miss them.
        #expect(rules.allSatisfy { $0.value("GROUP", op: "=") == nil && $0.value("MODE", op: "=") == nil })
    }

    /// udev applies rules files in name order and the last write to power/control wins: ours must
    /// come after libccid's, which sets "auto" for every single-interface CCID reader.
    @Test func theAutosuspendRulesRunAfterLibccids() throws {
        let ours = "93-sskiosk-autosuspend.rules"
        #expect(ours > "92-libccid.rules")
        let installed = "/lib/udev/rules.d"
        let libccid =
            (try? FileManager.default.contentsOfDirectory(atPath: installed))?.filter { $0.contains("ccid") } ?? []
        for name in libccid {
            #expect(name < ours, "\(installed)/\(name) would run after \(ours) and undo it")
            let text = try String(contentsOfFile: "\(installed)/\(name)", encoding: .utf8)
            #expect(
                text.contains("ATTR{power/control}=\"auto\""),
                "\(name) no longer turns autosuspend on; is 93 still needed?")
        }
    }

    @Test func theReadmeTableIsGeneratedFromTheCatalogue() async throws {
        let result = try await CommandRun.run(
            ["/usr/bin/python3", Repository.url("hardware/generate-table").path, "--check"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theTableCheckNoticesACatalogueChange() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = try Repository.text("hardware/catalogue.json").replacingOccurrences(
            of: "CardMan 3121", with: "CardMan 3122")
        try changed.write(to: directory.appendingPathComponent("catalogue.json"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: Repository.url("hardware/README.md"), to: directory.appendingPathComponent("README.md"))
        let script = Repository.url("hardware/generate-table").path
        let stale = try await CommandRun.run(
            [
                "/usr/bin/python3", script, "--check", directory.appendingPathComponent("catalogue.json").path,
                directory.appendingPathComponent("README.md").path,
            ])
        #expect(stale.status == 1)
        #expect(stale.output.contains("differ"))
        let regenerate = try await CommandRun.run(
            [
                "/usr/bin/python3", script, directory.appendingPathComponent("catalogue.json").path,
                directory.appendingPathComponent("README.md").path,
            ])
        #expect(regenerate.status == 0)
        #expect(
            try String(contentsOf: directory.appendingPathComponent("README.md"), encoding: .utf8).contains(
                "CardMan 3122"))
    }
}
