/// A line of the desk's list of retirees' checks: the check with the name and village it is
/// worked by.
public struct RetireeCheckLine: Hashable, Sendable {
    public var check: RetireeCheck
    public var name: String
    public var regionCode: String

    public init(check: RetireeCheck, name: String, regionCode: String) {
        self.check = check
        self.name = name
        self.regionCode = regionCode
    }
}
