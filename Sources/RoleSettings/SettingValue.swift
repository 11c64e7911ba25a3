/// A setting's value, of the type its ``Setting/Kind`` reads.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case wholeNumber(Int)
    case number(Double)
    case onOff(Bool)

    public var description: String {
        switch self {
        case .text(let text): text
        case .wholeNumber(let number): String(number)
        case .number(let number): String(number)
        case .onOff(let on): on ? "on" : "off"
        }
    }
}
