import Foundation

/// A device on the USB bus as sysfs shows it: ids, where its node is, and what kind of device it says it is.
struct USBDevice: Sendable {
    /// The sysfs name, such as `1-1.2`: where it is plugged in.
    var port: String
    var id: DeviceCatalogue.USBID
    var busNumber: Int
    var deviceNumber: Int
    /// The USB class of each interface: `0b` smart card, `07` printer.
    var interfaceClasses: Set<UInt8>
    /// `on` or `auto` (autosuspend allowed); `nil` when sysfs has no power/control for it.
    var powerControl: String?

    static let smartCardClass: UInt8 = 0x0B
    static let printerClass: UInt8 = 0x07

    /// The device node under /dev that udev's GROUP and MODE apply to.
    var nodePath: String { String(format: "bus/usb/%03d/%03d", busNumber, deviceNumber) }

    /// Every device (not interface) under `devices`, which is /sys/bus/usb/devices on a live system.
    static func attached(in devices: URL) -> [USBDevice] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: devices.path)) ?? []
        return entries.sorted().compactMap { port in
            let directory = devices.appendingPathComponent(port)
            func read(_ attribute: String, in folder: URL = directory) -> String? {
                (try? String(contentsOf: folder.appendingPathComponent(attribute), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            // Interfaces ("1-1:1.0") have no idVendor; root hubs have one but no interest here.
            guard let vendor = read("idVendor"), let product = read("idProduct"),
                let bus = read("busnum").flatMap(Int.init), let device = read("devnum").flatMap(Int.init)
            else { return nil }
            let interfaces = entries.filter { $0.hasPrefix("\(port):") }.compactMap { interface in
                read("bInterfaceClass", in: devices.appendingPathComponent(interface)).flatMap { UInt8($0, radix: 16) }
            }
            return USBDevice(
                port: port, id: DeviceCatalogue.USBID(vendor: vendor, product: product), busNumber: bus,
                deviceNumber: device, interfaceClasses: Set(interfaces), powerControl: read("power/control"))
        }
    }
}
