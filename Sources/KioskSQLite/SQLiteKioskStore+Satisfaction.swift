import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func record(
        rating level: SatisfactionLevel, reason: String?, channel: SatisfactionRating.Channel,
        service: ApplicationKind?, servedBy: String?, by principal: Principal, at now: Date
    ) async throws -> SatisfactionRating {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let terminal = recorder.terminal
            let rating = SatisfactionRating(
                id: "\(terminal.terminalID)-R\(try recorder.next("rating"))", level: level, reason: reason,
                channel: channel, service: service, servedBy: servedBy,
                regionCode: terminal.jurisdiction.regionPrefix, at: recorder.now)
            try SatisfactionRatingRow(rating).insert(db)
            try recorder.enqueue(
                .satisfactionRating, payload: rating, baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                SyncCommandKind.satisfactionRating.rawValue, subject: .terminal, by: principal,
                detail: "id=\(rating.id) channel=\(channel.rawValue)")
            return rating
        }
    }
}
