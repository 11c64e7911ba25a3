import Foundation

/// The devices this project supports, as `hardware/catalogue.json` lists them: what the udev
/// rules give the service's group, and what diagnostics expect of each device attached.
///
/// Only what diagnostics act on is decoded; the file carries more (slots, drivers, media,
/// sources) for people and for `hardware/generate-table`.
public struct DeviceCatalogue: Sendable, Decodable {
    /// The group the terminal service runs in; the udev rules give it the devices.
    public var serviceGroup: String
    /// The directory under /dev that holds the stable names (`sskiosk` for /dev/sskiosk/...).
    public var symlinkDirectory: String
    public var readers: [Device]
    public var printers: [Device]

    public struct Device: Sendable, Decodable {
        public var name: String
        public var vendor: String
        public var model: String
        /// `nil` for a device whose USB ids are not known (or that is not attached by USB).
        public var usb: USBID?
        public var quirks: [Quirk]
    }

    /// A USB vendor and product id, four lower-case hex digits each as sysfs and udev write them.
    public struct USBID: Sendable, Hashable, Decodable, CustomStringConvertible {
        public var vendor: String
        public var product: String

        public init(vendor: String, product: String) {
            self.vendor = vendor.lowercased()
            self.product = product.lowercased()
        }

        public var description: String { "\(vendor):\(product)" }
    }

    public struct Quirk: Sendable, Decodable {
        /// `autosuspend`: the device misbehaves when USB autosuspend is on, so the rules turn it off.
        public var kind: String
    }

    /// Loads the catalogue; a file that is missing or malformed throws ``DiagnosticsError``.
    public init(contentsOf url: URL) throws(DiagnosticsError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .catalogueUnreadable(url.path, reason: "the file cannot be read")
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw .catalogueUnreadable(url.path, reason: "it is not a valid catalogue (\(error))")
        }
    }

    /// The stable name the rules give a device, relative to /dev: `sskiosk/reader-omnikey-3121`.
    public func symlink(for device: Device) -> String {
        let role = readers.contains { $0.name == device.name } ? "reader" : "printer"
        return "\(symlinkDirectory)/\(role)-\(device.name)"
    }

    /// The catalogue entry for a USB device, if it is one of ours.
    public func device(for usb: USBID) -> Device? {
        (readers + printers).first { $0.usb == usb }
    }
}

extension DeviceCatalogue.Device {
    /// Whether the rules must keep USB autosuspend off for this device.
    public var needsAutosuspendOff: Bool { quirks.contains { $0.kind == "autosuspend" } }
}
