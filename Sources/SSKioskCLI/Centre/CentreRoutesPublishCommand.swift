import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Publishes routes from a JSON file, each checked before any is kept.
struct CentreRoutesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish the routes in a JSON file (one route, or a list); each replaces what was published for its service.",
        discussion: """
            A route is {"kind": "employment-difficulty", "steps": [{"level": "village", "days": 2},
            {"level": "township", "days": 3}, {"level": "county", "days": 10}]}: the levels in order up
            (village, township, county), each with the working days it has; the last level decides.
            Cases already on their way keep the route they were made on. Nothing is published when any
            route is wrong.
            """)

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        let routes = try Self.routes(in: file)
        let actor = store.operatorName
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            for route in routes {
                try await store.publish(
                    route,
                    audit: CentreLedgerEvent(
                        actor: actor, action: "route.publish", subject: .serviceRoute(route.kind), regionCode: "",
                        detail: route.summary))
            }
        }
        for route in routes { StandardError.write("published \(route.summary); terminals pull it\n") }
    }

    /// The routes of the file, or why they cannot be published, in plain words.
    static func routes(in file: String) throws -> [ServiceRoute] {
        try PublishedFile.records(
            in: file,
            shape: "a route or a list of them: {\"kind\", \"steps\": [{\"level\", \"days\"}, …]}, with a service among "
                + ApplicationKind.allCases.map(\.rawValue).joined(separator: ", ")
                + " and levels village, township, county",
            problems: { routes in
                let repeated = Dictionary(grouping: routes, by: \.kind).filter { $0.value.count > 1 }.keys
                return routes.flatMap(\.problems)
                    + repeated.map { "\($0.rawValue) is in the file more than once" }.sorted()
            })
    }
}
