import KioskCore
import Printing
import SmartCard

/// The terminal's devices as its heartbeat reports them (``DeviceStatus``), read by the same checks
/// `sskiosk diag` runs, so that the state and the fix the county's console shows are the
/// diagnostics' own.
public struct DeviceSurvey: Sendable {
    /// The readers the terminal is configured with (the resident's, the desk's).
    public var readers: [String]
    /// Its printer queues (documents, card faces).
    public var queues: [String]
    public var service: CUPSPrintService

    public init(readers: [String], queues: [String], service: CUPSPrintService = PrinterDiagnostics.defaultService) {
        self.readers = readers
        self.queues = queues
        self.service = service
    }

    /// Every reader, then every queue, read now.
    public func devices() async -> [DeviceStatus] {
        var devices: [DeviceStatus] = []
        if !readers.isEmpty {
            let (result, statuses) = await ReadersCheck(expected: readers.map { ("card reader", $0) }).inspect()
            devices += readers.map { name in Self.reader(name, statuses?.first { $0.reader == name }, fix: result.fix) }
        }
        for queue in queues {
            let (result, status) = await PrinterQueueCheck(queue: queue, service: service).inspect()
            devices.append(Self.printer(queue, status, fix: result.fix))
        }
        return devices
    }

    /// A reader pcscd does not list is offline; one it cannot use is in hardware error.
    static func reader(_ name: String, _ status: ReaderStatus?, fix: String?) -> DeviceStatus {
        guard let status else { return DeviceStatus(name: name, kind: .cardReader, state: .offline, fix: fix) }
        let state: DeviceStatus.State =
            if status.state.contains(.unavailable) {
                .hardwareError
            } else if !status.state.isDisjoint(with: [.inUse, .exclusive]) {
                .busy
            } else {
                .online
            }
        return DeviceStatus(
            name: name, kind: .cardReader, state: state, cardPresent: status.state.contains(.present),
            fix: state == .hardwareError ? fix : nil)
    }

    /// A printer that cannot be read is offline; paper out, a jam or an open cover wait for a person
    /// (user error); a stopped or paused queue is offline; anything else that stops it is a hardware error.
    static func printer(_ queue: String, _ status: PrinterStatus?, fix: String?) -> DeviceStatus {
        guard let status else { return DeviceStatus(name: queue, kind: .printer, state: .offline, fix: fix) }
        let state: DeviceStatus.State =
            switch status.fault {
            case nil: status.state == .processing ? .busy : .online
            case .mediaEmpty, .mediaJam, .coverOpen: .userError
            case .offline, .paused: .offline
            case .suppliesEmpty, .other: .hardwareError
            }
        return DeviceStatus(
            name: queue, kind: .printer, state: state, stateReasons: status.reasons.map(\.keyword),
            markerNames: status.supplies.map(\.name), markerLevels: status.supplies.map { $0.level ?? -1 }, fix: fix)
    }
}
