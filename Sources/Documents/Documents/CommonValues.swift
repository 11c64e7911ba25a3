/// The placeholder values every document shares, so that templates name a person and an issuance
/// the same way: `person.name`, `person.number`, `issue.serial`, `office.name`, ...
enum CommonValues {
    static func person(_ person: DocumentHolder, _ language: DocumentLanguage) -> [String: String] {
        [
            "person.name": person.displayName(language),
            "person.number": person.socialSecurityNumber,
            "person.maskedNumber": person.maskedNumber,
            "person.sex": person.sex?.name(language) ?? "",
        ]
    }

    static func issuance(_ issuance: DocumentIssuance, _ language: DocumentLanguage) -> [String: String] {
        [
            "issue.serial": issuance.serialNumber,
            "issue.date": ChinaTime.date(of: issuance.issuedAt).formatted(language),
            "issue.dateTime": ChinaTime.dateTime(of: issuance.issuedAt, language),
            "issue.validUntil": issuance.validUntil?.formatted(language) ?? "—",
            "office.name": issuance.office.name(language),
            "office.code": issuance.office.code,
        ]
    }
}
