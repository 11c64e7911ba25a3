import ArgumentParser
import Centre
import KioskCore
import Logging

/// Publishes notices from a JSON file, each checked before any is kept; a notice is taken down by
/// publishing it again with an earlier last day.
struct CentreNoticesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the notices in a JSON file (one, or a list); each replaces the notice of its id.",
        discussion:
            "Preview the file first (`sskiosk centre notices preview FILE`). To take one down, publish it with an earlier until."
    )

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        let notices = try CentreNoticesPreviewCommand.notices(in: file)
        let actor = store.operatorName
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            for notice in notices {
                try await store.publish(
                    notice,
                    audit: CentreLedgerEvent(
                        actor: actor, action: "notice.publish", subject: .notice(id: notice.id), regionCode: "",
                        detail: "from=\(notice.from) until=\(notice.until)"))
            }
        }
        for notice in notices { StandardError.write("published notice \(notice.id); terminals pull it\n") }
    }
}
