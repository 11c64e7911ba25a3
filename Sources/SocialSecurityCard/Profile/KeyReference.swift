/// Where a named key sits on the card, and how a key set turns its master into the card's own key.
public struct KeyReference: Codable, Hashable, Sendable {
    public var name: KeyName
    /// The key's number on the card: P2 of EXTERNAL AUTHENTICATE, P1 of INTERNAL AUTHENTICATE.
    public var keyID: UInt8
    /// How many levels of diversification lie between the issuer's master key and the card's key:
    /// 1 uses the card's serial, 2 puts the region factor (region code + "sx") before it.
    public var diversificationLevels: Int

    public init(name: KeyName, keyID: UInt8, diversificationLevels: Int = 2) {
        self.name = name
        self.keyID = keyID
        self.diversificationLevels = diversificationLevels
    }
}

extension KeyReference {
    private enum CodingKeys: String, CodingKey { case name, keyID = "keyId", diversificationLevels }

    /// The key number is hex in a profile file, as in the APDU that names it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(KeyName.self, forKey: .name)
        keyID = try HexField.decodeUInt8(.keyID, in: container)
        diversificationLevels = try container.decodeIfPresent(Int.self, forKey: .diversificationLevels) ?? 2
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(HexField.text(keyID), forKey: .keyID)
        try container.encode(diversificationLevels, forKey: .diversificationLevels)
    }
}
