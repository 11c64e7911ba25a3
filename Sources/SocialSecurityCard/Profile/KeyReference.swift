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
