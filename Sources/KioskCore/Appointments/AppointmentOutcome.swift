import Foundation

/// What became of an appointment, recorded by a clerk.
public struct AppointmentOutcome: Codable, Hashable, Sendable {
    public var result: Result
    public var note: String?
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(result: Result, note: String?, by: String, at: Date) {
        self.result = result
        self.note = note
        self.by = by
        self.at = at
    }

    public enum Result: String, Codable, CaseIterable, Hashable, Sendable {
        /// At the hall: the resident came and was served.
        case attended
        case noShow = "no-show"
        /// At home: served there.
        case served
        case notHome = "not-home"
        case declined

        public var chineseName: String {
            switch self {
            case .attended: "已到厅办理"
            case .noShow: "未到"
            case .served: "已上门办理"
            case .notHome: "上门未遇"
            case .declined: "本人谢绝"
            }
        }

        func fits(_ kind: Appointment.Kind) -> Bool {
            switch self {
            case .attended, .noShow: kind == .hall
            case .served, .notHome, .declined: kind == .homeVisit
            }
        }
    }
}
