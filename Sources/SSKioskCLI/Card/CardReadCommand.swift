import ArgumentParser
import Foundation
import SmartCard
import SocialSecurityCard

/// Reads the card's issuer data and cardholder data.
struct CardReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a social security card (the ID number is masked unless --show-id-number)."
    )

    @OptionGroup var readerOptions: ReaderOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var keyOptions: KeyOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Show the full social security number (the cardholder must be present and agree).")
    var showIDNumber = false

    func run() async throws {
        let profile = try profileOptions.load()
        let context = try PCSCContext()
        let (algorithm, identity, cardholder) = try await readerOptions.withConnection(context, disconnecting: .reset) {
            connection in
            let session = try await SocialSecurityCardSession.open(connection, profile: profile)
            let identity = try await session.readIdentity()
            let keys = try await keyOptions.provider(context)
            return (session.algorithm, identity, try await session.readCardholder(of: identity, keys: keys))
        }
        let number =
            showIDNumber ? cardholder.socialSecurityNumber.unmaskedValue : cardholder.socialSecurityNumber.masked
        // Items the region's profile does not read are left out.
        let fields: [(String, String, String?)] = [
            ("name", "姓名", cardholder.name),
            ("socialSecurityNumber", "社会保障号码", number),
            ("sex", "性别", cardholder.sex.rawValue),
            ("ethnicity", "民族", cardholder.ethnicity),
            ("birthplace", "出生地", cardholder.birthplace),
            ("birthDate", "出生日期", cardholder.birthDate.description),
            ("cardNumber", "卡号", identity.cardNumber.value),
            ("cardIdentifier", "卡识别码", identity.cardIdentifier.description),
            ("cardType", "卡类别", identity.cardType),
            ("specVersion", "规范版本", identity.specVersion),
            ("algorithm", "算法", algorithm.description),
            ("issueDate", "发卡日期", identity.issueDate?.description),
            ("expiryDate", "有效期", identity.expiryDate?.description),
        ]
        let present = fields.compactMap { key, label, value in value.map { (key, label, $0) } }
        let warnings = identity.warnings + cardholder.warnings
        if json {
            var object: [String: Any] = Dictionary(uniqueKeysWithValues: present.map { ($0.0, $0.2) })
            object["warnings"] = warnings
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for (_, label, value) in present { print("\(label): \(value)") }
            for warning in warnings { print("warning: \(warning)") }
        }
    }
}
