import Foundation
import KioskCore
import Vocabulary

/// One count of the rollup the console's figures are read from (`figureCount`): how many of a
/// region's applications, card steps, documents or people one measure counts in a month, kept per
/// region and rebuilt when the region's rows change, so that a county's figures are a sum over a
/// few thousand counts rather than a scan of its million people.
public struct FigureCount: Hashable, Sendable {
    /// Which figures a count belongs to.
    public enum Family: String, Sendable {
        /// Applications received, by clerk and service (``ServiceFigures``).
        case service
        /// Card steps and documents (``OutputFigures``).
        case output
        /// People and their cover (``CoverageFigures``), with no month.
        case coverage
    }

    /// What a service count counts of the applications received in its month.
    enum ServiceMeasure: String, CaseIterable, Sendable {
        case received
        case completedSameDay
        case completedInTime
        case completedLate
        case refused
        /// Still open; ``FigureCount/dueAt`` is their deadline, so that "overdue" is told when asked.
        case open
    }

    /// What is counted: the rollup's key.
    struct Key: Hashable, Sendable {
        var family: Family
        /// `YYYY-MM` on China's calendar; empty for coverage.
        var month: String
        var regionCode: String
        /// The staff id that took the applications; empty outside ``Family/service``.
        var clerk = ""
        /// The applications' kind; empty outside ``Family/service``.
        var service = ""
        var measure: String
        /// The deadline (milliseconds) of open applications; 0 for every other count.
        var dueAt: Int64 = 0
    }

    var key: Key
    var count: Int

    /// How many regions one refresh transaction counts again: enough to catch up after a bulk load
    /// in few transactions, few enough that a terminal's push never waits long behind one.
    static let regionsPerRefresh = 20

    /// Output measures: `card:` and a card step's status, or `document:` and a document's kind.
    static let cardPrefix = "card:"
    static let documentPrefix = "document:"

    /// The service and output counts of one region's applications, cards and registered documents;
    /// its coverage comes from the people themselves (``CentreSQL/coverageCounts(ofRegion:)``).
    static func counts(
        ofRegion region: String, applications: [Application], cards: [StoredCard], documents: [SignedCertificate]
    ) -> [FigureCount] {
        var counts: [Key: Int] = [:]
        func add(
            _ family: Family, _ at: Date, _ measure: String, clerk: String = "", service: String = "", dueAt: Int64 = 0
        ) {
            let key = Key(
                family: family, month: YearMonth.inChina(containing: at).description, regionCode: region, clerk: clerk,
                service: service, measure: measure, dueAt: dueAt)
            counts[key, default: 0] += 1
        }
        for application in applications {
            for measure in ServiceMeasure.measures(of: application) {
                add(
                    .service, application.submittedAt, measure.rawValue, clerk: application.submittedBy,
                    service: application.kind.rawValue,
                    dueAt: measure == .open ? application.deadline.milliseconds : 0)
            }
        }
        for stored in cards {
            for step in stored.card.steps { add(.output, step.at, cardPrefix + step.status.rawValue) }
        }
        for document in documents { add(.output, document.signedAt, documentPrefix + document.kind) }
        return counts.map { FigureCount(key: $0, count: $1) }
    }
}

extension FigureCount.ServiceMeasure {
    /// What one application counts as: received, and how it ended or that it is still open.
    static func measures(of application: Application) -> [Self] {
        var measures: [Self] = [.received]
        if let completed = application.completedAt {
            if WorkingCalendar.china.isDate(completed, inSameDayAs: application.submittedAt) {
                measures.append(.completedSameDay)
            }
            measures.append(completed <= application.deadline ? .completedInTime : .completedLate)
        }
        if application.status == .rejected { measures.append(.refused) }
        if application.status.isOpen { measures.append(.open) }
        return measures
    }
}
