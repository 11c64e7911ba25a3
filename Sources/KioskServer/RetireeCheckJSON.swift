import Foundation
import KioskCore

/// A retiree's check as the kiosk and the desk show it: where it stands now, said in words, and
/// when the retiree must certify next. The name and village only on the desk's list.
struct RetireeCheckJSON: Encodable, PersonRecord {
    var idNumber: String
    var name: String?
    var regionCode: String?
    var year: Int
    var dueBy: Date
    var state: RetireeCheckState
    var stateName: String
    var nextDueBy: Date
    var certification: RetireeCertification?
    var lifeEvent: RetireeLifeEvent?
    var suspension: RetireeSuspension?

    init(_ check: RetireeCheck, at now: Date, name: String? = nil, regionCode: String? = nil) {
        idNumber = check.idNumber
        self.name = name
        self.regionCode = regionCode
        year = check.year
        dueBy = check.dueBy
        state = check.state(at: now)
        stateName = state.chineseName
        nextDueBy = check.nextDueBy
        certification = check.certification
        lifeEvent = check.lifeEvent
        suspension = check.suspension
    }

    init(_ line: RetireeCheckLine, at now: Date) {
        self.init(line.check, at: now, name: line.name, regionCode: line.regionCode)
    }
}
