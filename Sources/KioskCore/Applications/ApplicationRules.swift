/// Rules that look at more than one application.
public enum ApplicationRules {
    /// A second open application for the same person and service is a possible duplicate: it is
    /// taken, but sent to a supervisor (``ApplicationStatus/needsReview``) instead of going ahead.
    public static func initialStatus(for kind: ApplicationKind, idNumber: String, open: [Application])
        -> ApplicationStatus
    {
        open.contains { $0.kind == kind && $0.idNumber == idNumber && $0.status.isOpen } ? .needsReview : .submitted
    }
}
