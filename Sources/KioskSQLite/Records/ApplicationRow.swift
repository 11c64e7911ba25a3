import Foundation
import GRDB
import KioskCore

/// A row of `application`. Instants are milliseconds since 1970. Besides the domain fields it keeps
/// the version the centre checks updates against, and when the application stopped being open
/// (completed, rejected or withdrawn), which day statistics need to tell what was open on a past
/// evening.
struct ApplicationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "application"

    var id: String
    var kind: ApplicationKind
    var idNumber: String
    var status: ApplicationStatus
    var submittedBy: String
    var submittedAt: Int64
    var deadline: Int64
    /// The route's steps as JSON; nil in a row made before routes.
    var route: String?
    var step: Int?
    var stepDue: Int64?
    /// The level that must act now, for the worklist to select on; nil in a row made before routes.
    var level: ServiceLevel?
    var approvedBy: String?
    var owner: String?
    var clockStoppedAt: Int64?
    var rejectionReason: RejectionReason?
    var rejectionNote: String?
    var completedAt: Int64?
    var closedAt: Int64?
    var details: [String: String]
    var terminalID: String
    var regionCode: String
    var version: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let idNumber = Column(CodingKeys.idNumber)
        static let status = Column(CodingKeys.status)
        static let submittedAt = Column(CodingKeys.submittedAt)
        static let regionCode = Column(CodingKeys.regionCode)
        static let deadline = Column(CodingKeys.deadline)
        static let completedAt = Column(CodingKeys.completedAt)
        static let closedAt = Column(CodingKeys.closedAt)
        static let owner = Column(CodingKeys.owner)
        static let clockStoppedAt = Column(CodingKeys.clockStoppedAt)
        static let level = Column(CodingKeys.level)
        static let stepDue = Column(CodingKeys.stepDue)
    }

    init(_ application: Application, version: Int, closedAt: Int64?) throws {
        id = application.id
        kind = application.kind
        idNumber = application.idNumber
        status = application.status
        submittedBy = application.submittedBy
        submittedAt = application.submittedAt.milliseconds
        deadline = application.deadline.milliseconds
        route = String(decoding: try JSONEncoder().encode(application.route), as: UTF8.self)
        step = application.step
        stepDue = application.stepDue.milliseconds
        level = application.level
        approvedBy = application.approvedBy
        owner = application.owner
        clockStoppedAt = application.clockStoppedAt?.milliseconds
        rejectionReason = application.rejection?.reason
        rejectionNote = application.rejection?.note
        completedAt = application.completedAt?.milliseconds
        self.closedAt = closedAt
        details = application.details
        terminalID = application.terminalID
        regionCode = application.regionCode
        self.version = version
    }

    /// The application kept; a route or step the row cannot hold is a corrupt row.
    func application() throws -> Application {
        var application = Application(
            id: id, kind: kind, idNumber: idNumber, status: status, submittedBy: submittedBy,
            submittedAt: Date(milliseconds: submittedAt), approvedBy: approvedBy,
            completedAt: completedAt.map(Date.init(milliseconds:)), details: details, terminalID: terminalID,
            regionCode: regionCode)
        application.deadline = Date(milliseconds: deadline)
        let steps = try route.map { try JSONDecoder().decode([ServiceRoute.Step].self, from: Data($0.utf8)) }
        guard application.restoreRoute(steps, step: step, stepDue: stepDue.map(Date.init(milliseconds:))) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "application \(id): its route has no step \(step ?? -1)"))
        }
        application.owner = owner
        application.clockStoppedAt = clockStoppedAt.map(Date.init(milliseconds:))
        application.rejection = rejectionReason.map { Rejection(reason: $0, note: rejectionNote ?? "") }
        return application
    }
}
