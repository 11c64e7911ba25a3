import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// The grade table in effect: the county's, or the national floor before it published one.
struct CentreGradesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List the residents' pension's grades in effect, in yuan, with their source.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let table =
            try await store.withStore(logger: Logger(label: "sskiosk.centre")) { try await $0.pensionGrades() }
            ?? .national
        print(table.source)
        for grade in table.grades {
            print("\(grade.level)\t\(grade.annualFen / 100) yuan a year\tsubsidy \(grade.subsidyFen / 100) yuan")
        }
    }
}
