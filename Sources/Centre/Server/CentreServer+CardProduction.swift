import Foundation
import Hummingbird
import KioskCore

/// Card production under `/console/api/card-production` and `/console/api/batches`
/// (openapi-centre.yaml), the console's pages for what `sskiosk centre batch start|deliver` does:
/// the cards applied for in the member's area and waiting, a batch sent to the bureau, a batch
/// recorded as delivered so its cards are ready at the desks that took the applications. Each step
/// goes to the centre's log with who took it; terminals learn of it on their next pull.
extension CentreServer {
    func addCardProductionRoutes(to signedIn: RouterGroup<CentreRequestContext>) {
        signedIn.get("card-production") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewCardProduction)
            return try CentreJSON.response(
                try await store.cardProduction(
                    in: staff.jurisdiction, since: Date().addingTimeInterval(-CardProductionOverview.deliveredShownFor))
            )
        }
        signedIn.post("batches") { request, context in
            let staff = try context.requireStaff()
            let body = try await CentreJSON.decode(
                ConsoleRequests.NewBatch.self, from: request, limit: ConsoleRequests.maximumBytes)
            guard let area = try? Jurisdiction(body.region) else { throw CentreError.malformedBody }
            try ConsolePolicy.authorize(staff, .manageCardProduction, regionCode: area.regionPrefix)
            guard
                let batch = try await store.startBatch(
                    in: area, at: Date(),
                    audit: CentreLedgerEvent(
                        by: staff, "batch.start", .area(area.regionPrefix), regionCode: area.regionPrefix))
            else { throw CentreError.noCardsWaiting }
            logger.notice(
                "batch sent to production from the console",
                metadata: ["batch": "\(batch.id)", "cards": "\(batch.cardCount)", "by": "\(staff.id)"])
            return try CentreJSON.response(batch, status: .created)
        }
        signedIn.post("batches/{id}/deliver") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .manageCardProduction)
            guard let id = context.parameters.get("id"), let batch = try await store.batch(id: id),
                staff.jurisdiction.contains(batch.regionCode)
            else { throw CentreError.unknownBatch }
            guard batch.status == .inProduction else { throw CentreError.batchDelivered }
            let delivered = try await store.deliverBatch(
                id, at: Date(),
                audit: CentreLedgerEvent(by: staff, "batch.deliver", .cardBatch(id: id), regionCode: batch.regionCode))
            logger.notice(
                "batch delivered from the console",
                metadata: ["batch": "\(delivered.id)", "cards": "\(delivered.cardCount)", "by": "\(staff.id)"])
            return try CentreJSON.response(delivered)
        }
    }
}
