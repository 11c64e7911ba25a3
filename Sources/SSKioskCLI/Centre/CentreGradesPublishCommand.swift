import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Publishes the county's grade table from a JSON file in yuan, checked before it is kept.
struct CentreGradesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the grade table in a JSON file in place of the one published.",
        discussion: """
            The file is {"source": "某县人民政府文件", "grades": [{"level": 1, "annual": 200, "subsidy": 30}, …]}:
            each grade's yearly contribution and the government's subsidy on it, in yuan, levels 1, 2, 3…
            from the cheapest. Nothing is published when anything is wrong.
            """)

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The JSON file.")
    var file: String

    /// The file's shape: whole yuan, as the county's document writes them.
    struct GradeFile: Decodable {
        var source: String
        var grades: [Grade]

        struct Grade: Decodable {
            var level: Int
            var annual: Int64
            var subsidy: Int64
        }

        var table: PensionGradeTable {
            PensionGradeTable(
                grades: grades.map {
                    PensionGradeTable.Grade(level: $0.level, annualFen: $0.annual * 100, subsidyFen: $0.subsidy * 100)
                }, source: source)
        }
    }

    func run() async throws {
        let files = try PublishedFile.records(
            in: file, shape: "a grade table: {\"source\", \"grades\": [{\"level\", \"annual\", \"subsidy\"}]}",
            problems: { (files: [GradeFile]) in
                files.count == 1 ? files[0].table.problems : ["publish one table at a time"]
            })
        let table = files[0].table
        let actor = store.operatorName
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            try await store.publish(
                table,
                audit: CentreLedgerEvent(
                    actor: actor, action: "grades.publish", subject: .pensionGrades, regionCode: "",
                    detail: "grades=\(table.grades.count) source=\(table.source)"))
        }
        StandardError.write("published \(table.grades.count) grades (\(table.source)); terminals pull them\n")
    }
}
