import Foundation
import Hummingbird
import KioskCore
import Logging
import Vocabulary

/// The county's service figures under `/console/api/figures` (openapi-centre.yaml): a month's
/// applications in the member's area, grouped by township, village, clerk or service, as JSON for
/// the console's table and chart and as CSV or an Excel workbook for the county offices. Each read
/// and each export goes to the centre's log with who asked, for which area and month. Beside them,
/// `/console/api/coverage`: insurance coverage village by village, and the people not yet covered,
/// to be reached; `/console/api/cases/late`, the area's open cases past a limit, for the county to
/// chase; and `/console/api/retirees/candidates`, the retirees whose pension the county should
/// decide on suspending. Each read and export is also an entry of the centre's ledger (figures.read,
/// figures.export, cases.late-read…), with the member and the area.
extension CentreServer {
    func addFiguresRoutes(to signedIn: RouterGroup<CentreRequestContext>) {
        signedIn.get("figures") { request, context in
            let (staff, figures) = try await figures(request, context)
            logger.notice("figures read from the console", metadata: Self.figuresMetadata(figures, staff))
            try await audit("figures.read", by: staff, "month=\(figures.month) group=\(figures.grouping.rawValue)")
            return try CentreJSON.response(figures)
        }
        signedIn.get("figures.csv") { request, context in
            try await export(request, context, as: "csv", type: "text/csv; charset=utf-8") {
                ByteBuffer(string: $0.csv)
            }
        }
        signedIn.get("figures.xlsx") { request, context in
            try await export(
                request, context, as: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ) { ByteBuffer(data: try $0.workbook.data()) }
        }
        signedIn.get("figures/output") { request, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            let month = try Self.month(request)
            logger.notice(
                "output figures read from the console",
                metadata: ["by": "\(staff.id)", "area": "\(staff.jurisdiction)", "month": "\(month)"])
            try await audit("figures.output-read", by: staff, "month=\(month)")
            return try CentreJSON.response(try await store.output(in: staff.jurisdiction, month: month, at: Date()))
        }
        signedIn.get("figures/satisfaction") { request, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            let month = try Self.month(request)
            let grouping = try Self.grouping(request)
            try await audit("figures.satisfaction-read", by: staff, "month=\(month) group=\(grouping.rawValue)")
            return try CentreJSON.response(
                try await store.satisfaction(in: staff.jurisdiction, month: month, by: grouping))
        }
        signedIn.get("cases/late") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            let now = Date()
            let late = try await store.lateApplications(in: staff.jurisdiction, at: now, limit: 500)
            try await audit("cases.late-read", by: staff, "count=\(late.count)")
            return try CentreJSON.response(late.map { ConsoleLateCase($0, at: now) })
        }
        signedIn.get("retirees/candidates") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            let candidates = try await store.suspensionCandidates(in: staff.jurisdiction, at: Date(), limit: 500)
            try await audit("retirees.candidates-read", by: staff, "count=\(candidates.count)")
            return try CentreJSON.response(candidates)
        }
        signedIn.get("coverage") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            logger.notice(
                "coverage read from the console", metadata: ["by": "\(staff.id)", "area": "\(staff.jurisdiction)"])
            try await audit("figures.coverage-read", by: staff)
            return try CentreJSON.response(try await store.coverage(in: staff.jurisdiction, at: Date()))
        }
        signedIn.get("coverage/uncovered") { request, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFigures)
            let query = request.uri.queryParameters
            guard let scheme = query["scheme"].flatMap({ CoverageScheme(rawValue: String($0)) }) else {
                throw CentreError.malformedBody
            }
            let limit = min(query["limit"].flatMap { Int(String($0)) } ?? 500, 5_000)
            guard limit > 0 else { throw CentreError.malformedBody }
            let people = try await store.uncovered(in: staff.jurisdiction, scheme, limit: limit)
            logger.notice(
                "people without cover listed from the console",
                metadata: [
                    "by": "\(staff.id)", "area": "\(staff.jurisdiction)", "scheme": "\(scheme.rawValue)",
                    "people": "\(people.count)",
                ])
            try await audit("figures.uncovered-listed", by: staff, "scheme=\(scheme.rawValue) people=\(people.count)")
            return try CentreJSON.response(people.map(UncoveredPerson.init))
        }
    }

    /// The figures as a download named by area, month and grouping, logged as an export.
    private func export(
        _ request: Request, _ context: CentreRequestContext, as suffix: String, type: String,
        _ body: (ServiceFigures) throws -> ByteBuffer
    ) async throws -> Response {
        let (staff, figures) = try await figures(request, context)
        logger.notice(
            "figures exported from the console",
            metadata: Self.figuresMetadata(figures, staff).merging(["format": "\(suffix)"]) { $1 })
        try await audit(
            "figures.export", by: staff,
            "format=\(suffix) month=\(figures.month) group=\(figures.grouping.rawValue)")
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] =
            #"attachment; filename="figures-\#(staff.jurisdiction.regionPrefix)-\#(figures.month)-\#(figures.grouping.rawValue).\#(suffix)""#
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: try body(figures)))
    }

    /// The month (`month=YYYY-MM`, this month in China by default) and grouping (`group=`, by
    /// township by default) asked for, inside the member's own area.
    private func figures(_ request: Request, _ context: CentreRequestContext) async throws
        -> (CentreStaffMember, ServiceFigures)
    {
        let staff = try context.requireStaff()
        try ConsolePolicy.authorize(staff, .viewFigures)
        let now = Date()
        let month = try Self.month(request)
        let grouping = try Self.grouping(request)
        return (staff, try await store.serviceFigures(in: staff.jurisdiction, month: month, by: grouping, at: now))
    }

    /// The grouping asked for (`group=township|village|clerk|service`), or by township.
    private static func grouping(_ request: Request) throws -> ServiceFigures.Grouping {
        guard let text = request.uri.queryParameters["group"] else { return .township }
        guard let asked = ServiceFigures.Grouping(rawValue: String(text)) else { throw CentreError.malformedBody }
        return asked
    }

    /// A read or an export of the figures of `staff`'s area, in the centre's ledger.
    private func audit(_ action: String, by staff: CentreStaffMember, _ detail: String = "") async throws {
        try await store.record(
            CentreLedgerEvent(by: staff, action, .area(staff.jurisdiction.regionPrefix), detail: detail), at: Date())
    }

    /// The month asked for (`month=YYYY-MM`), or this month in China.
    private static func month(_ request: Request) throws -> YearMonth {
        if let text = request.uri.queryParameters["month"] {
            guard let month = YearMonth(text) else { throw CentreError.malformedBody }
            return month
        }
        return YearMonth.inChina(containing: Date())
    }

    private static func figuresMetadata(_ figures: ServiceFigures, _ staff: CentreStaffMember) -> Logger.Metadata {
        [
            "by": "\(staff.id)", "area": "\(staff.jurisdiction)", "month": "\(figures.month)",
            "group": "\(figures.grouping.rawValue)",
        ]
    }
}
