/// A short message for a resident at the kiosk, in Simplified Chinese and in English.
public struct ResidentMessage: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
