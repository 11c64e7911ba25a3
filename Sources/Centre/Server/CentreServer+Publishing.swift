import Foundation
import Hummingbird
import KioskCore

/// The county's information for every kiosk under `/console/api/guides` and `/console/api/notices`
/// (openapi-centre.yaml): what is published, a draft previewed as a kiosk will show it, and the
/// draft published once nothing is wrong with it. The console's pages for what `sskiosk centre
/// guides|notices preview|publish` do; each publication goes to the centre's log with who made it.
extension CentreServer {
    func addPublishingRoutes(to signedIn: RouterGroup<CentreRequestContext>) {
        signedIn.get("guides") { _, context in
            try ConsolePolicy.authorize(try context.requireStaff(), .publishInformation)
            return try CentreJSON.response(try await store.serviceGuides().map(Self.publication))
        }
        signedIn.post("guides/preview") { request, context in
            try ConsolePolicy.authorize(try context.requireStaff(), .publishInformation)
            return try CentreJSON.response(Self.publication(try await Self.draft(ServiceGuide.self, request)))
        }
        signedIn.post("guides") { request, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .publishInformation)
            let guide = try await Self.draft(ServiceGuide.self, request)
            let problems = ServiceGuide.problems(of: [guide])
            guard problems.isEmpty else { throw CentreError.unpublishable(problems) }
            try await store.publish(
                guide,
                audit: CentreLedgerEvent(
                    by: staff, "guide.publish", .serviceGuide(guide.kind), regionCode: "",
                    detail: "materials=\(guide.materials.count) steps=\(guide.steps.count)"))
            logger.notice(
                "guide published from the console",
                metadata: ["service": "\(guide.kind.rawValue)", "by": "\(staff.id)"])
            return try CentreJSON.response(Self.publication(guide), status: .created)
        }
        signedIn.get("notices") { _, context in
            try ConsolePolicy.authorize(try context.requireStaff(), .publishInformation)
            return try CentreJSON.response(try await store.notices().map(Self.publication))
        }
        signedIn.post("notices/preview") { request, context in
            try ConsolePolicy.authorize(try context.requireStaff(), .publishInformation)
            return try CentreJSON.response(Self.publication(try await Self.draft(PolicyNotice.self, request)))
        }
        signedIn.post("notices") { request, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .publishInformation)
            let notice = try await Self.draft(PolicyNotice.self, request)
            let problems = PolicyNotice.problems(of: [notice])
            guard problems.isEmpty else { throw CentreError.unpublishable(problems) }
            try await store.publish(
                notice,
                audit: CentreLedgerEvent(
                    by: staff, "notice.publish", .notice(id: notice.id), regionCode: "",
                    detail: "from=\(notice.from) until=\(notice.until)"))
            logger.notice(
                "notice published from the console", metadata: ["notice": "\(notice.id)", "by": "\(staff.id)"])
            return try CentreJSON.response(Self.publication(notice), status: .created)
        }
    }

    private static func draft<Record: Decodable>(_: Record.Type, _ request: Request) async throws -> Record {
        try await CentreJSON.decode(Record.self, from: request, limit: ConsoleRequests.maximumPublicationBytes)
    }

    private static func publication(_ guide: ServiceGuide) -> ConsolePublication<ServiceGuide> {
        ConsolePublication(record: guide, text: guide.text, problems: ServiceGuide.problems(of: [guide]))
    }

    private static func publication(_ notice: PolicyNotice) -> ConsolePublication<PolicyNotice> {
        ConsolePublication(record: notice, text: notice.text, problems: PolicyNotice.problems(of: [notice]))
    }
}
