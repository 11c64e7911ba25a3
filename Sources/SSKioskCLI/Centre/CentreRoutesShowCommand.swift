import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// The routes in force at the centre: every service, published or national.
struct CentreRoutesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List every service's route in force, and whether the centre published it.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let routes = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.serviceRoutes()
        }
        for route in routes.all {
            let origin = routes.published[route.kind] == nil ? "national" : "published"
            print("\(route.summary)\t\(origin)")
        }
    }
}
