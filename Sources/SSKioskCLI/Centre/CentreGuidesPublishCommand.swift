import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Publishes guides from a JSON file, each checked before any is kept.
struct CentreGuidesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish the guides in a JSON file (one, or a list); each replaces what was published for its service.",
        discussion:
            "Preview the file first (`sskiosk centre guides preview FILE`). Nothing is published when any guide is wrong."
    )

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        let guides = try CentreGuidesPreviewCommand.guides(in: file)
        let actor = store.operatorName
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            for guide in guides {
                try await store.publish(
                    guide,
                    audit: CentreLedgerEvent(
                        actor: actor, action: "guide.publish", subject: .serviceGuide(guide.kind), regionCode: "",
                        detail: "materials=\(guide.materials.count) steps=\(guide.steps.count)"))
            }
        }
        for guide in guides {
            StandardError.write("published the guide of \(guide.kind.rawValue); terminals pull it\n")
        }
    }
}
