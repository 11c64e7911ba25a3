import Foundation

/// Residents' ratings of the services they were given (服务评价).
extension KioskServices {
    /// A rating by a resident at the kiosk (their own session), or given at the desk on the screen a
    /// clerk or supervisor turns to the resident, who is then named as the one who served.
    public func rate(
        _ level: SatisfactionLevel, reason: String?, service: ApplicationKind?, by principal: Principal
    ) async throws -> SatisfactionRating {
        try AccessPolicy.authorize(principal, .rateService)
        let reason = reason?.trimmingSpaces ?? ""
        guard reason.count <= SatisfactionRating.maximumReason else {
            throw KioskError.invalid(
                "reason", chinese: "评价理由请不超过\(SatisfactionRating.maximumReason)字。",
                english: "Keep the reason to \(SatisfactionRating.maximumReason) characters.")
        }
        let (channel, servedBy): (SatisfactionRating.Channel, String?) =
            switch principal {
            case .staff(let member): (.desk, member.id)
            default: (.kiosk, nil)
            }
        return try await store.record(
            rating: level, reason: reason.isEmpty ? nil : reason, channel: channel, service: service,
            servedBy: servedBy, by: principal, at: now())
    }
}
