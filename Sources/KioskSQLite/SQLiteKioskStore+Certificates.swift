import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func register(_ certificate: SignedCertificate, by principal: Principal) async throws {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: certificate.signedAt, key: ledgerKey)
            try recorder.enqueue(
                .certificateIssue, payload: certificate, baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                SyncCommandKind.certificateIssue.rawValue, subject: .terminal, by: principal,
                detail: "serial=\(certificate.serial) kind=\(certificate.kind)")
        }
    }
}
