import Foundation

extension CardProfile {
    enum CodingKeys: String, CodingKey {
        case ssse, selectMasterFileFirst, applications, keys, pinLength, pinTries, recordAccess, authentication
    }

    /// A profile file may leave out what the national profile sets the same way everywhere: the
    /// application DFs, PIN length 6 and 3 tries, records read by SFI, single-challenge authentication.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ssse = try container.decode(DirectoryProfile.self, forKey: .ssse)
        selectMasterFileFirst = try container.decodeIfPresent(Bool.self, forKey: .selectMasterFileFirst) ?? false
        applications = try container.decodeIfPresent([DirectoryProfile].self, forKey: .applications) ?? []
        keys = try container.decode([KeyReference].self, forKey: .keys)
        pinLength = try container.decodeIfPresent(Int.self, forKey: .pinLength) ?? 6
        pinTries = try container.decodeIfPresent(Int.self, forKey: .pinTries) ?? 3
        recordAccess = try container.decodeIfPresent(RecordAccess.self, forKey: .recordAccess) ?? .shortFileIdentifier
        authentication = try container.decodeIfPresent(AuthenticationScheme.self, forKey: .authentication) ?? .challenge
    }

    /// Loads a region's profile (JSON) and checks it, so a technician adds a region without a build.
    /// Every problem found is in the error, in plain words.
    public init(contentsOf url: URL) throws(SocialSecurityCardError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalidProfile(url.path, problems: ["the file cannot be read (\(error.localizedDescription))"])
        }
        do {
            self = try JSONDecoder().decode(CardProfile.self, from: data)
        } catch let error as DecodingError {
            throw .invalidProfile(url.path, problems: [Self.describe(error)])
        } catch {
            throw .invalidProfile(url.path, problems: ["the file is not JSON (\(error.localizedDescription))"])
        }
        let problems = self.problems
        guard problems.isEmpty else { throw .invalidProfile(url.path, problems: problems) }
    }

    /// What would stop a terminal reading cards with this profile, in plain words; empty when it is usable.
    public var problems: [String] {
        var problems: [String] = []
        for (fid, fields) in [
            (Self.cardIssuerFile, [DataItem.Field.cardIdentifier, .specVersion, .cardNumber]),
            (Self.cardholderFile, [.socialSecurityNumber, .name]),
        ] {
            let name = HexField.text(fid)
            guard let file = ssse.file(fid) else {
                problems.append("the SSSE has no file \(name); a card read needs it")
                continue
            }
            let present = Set(file.dataItems.map(\.field))
            for field in fields where !present.contains(field) {
                problems.append("file \(name) does not name the item `\(field.rawValue)`; a card read needs it")
            }
        }
        for directory in [ssse] + applications {
            problems += directory.problems
        }
        let named = Set(keys.map(\.name))
        let conditions = ([ssse] + applications).flatMap(\.files).flatMap { $0.read.map(\.condition) + [$0.write] }
        for key in Set(conditions.compactMap(\.key)).sorted(by: { $0.rawValue < $1.rawValue })
        where !named.contains(key) {
            problems.append("an access condition names the key \(key), which `keys` does not list")
        }
        for (name, count) in Dictionary(keys.map { ($0.name, 1) }, uniquingKeysWith: +) where count > 1 {
            problems.append("the key \(name) is listed \(count) times")
        }
        for key in keys where !(1...2).contains(key.diversificationLevels) {
            problems.append(
                "the key \(key.name) has \(key.diversificationLevels) diversification levels; 1 or 2 are known")
        }
        if !(4...12).contains(pinLength) { problems.append("pinLength \(pinLength) is not between 4 and 12 digits") }
        if !(1...15).contains(pinTries) { problems.append("pinTries \(pinTries) is not between 1 and 15") }
        return problems
    }

    /// A decoding error as a technician reads it: where in the file, and what is wrong.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) should be \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null; it should be \(Self.kind(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the file is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is UInt8.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
