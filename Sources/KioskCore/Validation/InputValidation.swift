import SocialSecurityCard
import Vocabulary

/// Checks what a resident or clerk types, with a message they can act on, in both languages.
public enum InputValidation {
    /// A citizen ID number: 18 characters, real birth date, valid check character.
    public static func idNumber(_ text: String, today: CardDate) throws(KioskError) -> IDNumber {
        do {
            return try IDNumber(text.trimmingSpaces, today: today)
        } catch {
            throw .invalid(
                "id-number",
                chinese: "身份证号码有误：请核对18位号码（最后一位可能是X）。",
                english: "The ID number is not valid: \(error.message)"
            )
        }
    }

    /// A name as it will go on the card: GBK-encodable, and short enough for items 09 and 4E.
    public static func name(_ text: String) throws(KioskError) -> String {
        let name = text.trimmingSpaces
        guard !name.isEmpty else {
            throw .invalid("name", chinese: "请填写姓名。", english: "Enter the name as on the ID card.")
        }
        do {
            _ = try CardNameItems(fitting: name, hasExtension: true)
            return name
        } catch {
            throw .invalid(
                "name",
                chinese: "姓名中有社保卡无法写入的字（生僻字）或姓名过长，请到柜台按规定办理。",
                english:
                    "The name has a character the card cannot hold (outside GBK) or is too long: \(error.message) A clerk handles such names by the region's rule."
            )
        }
    }

    /// A mainland mobile number (11 digits starting 13-19) or a landline with area code.
    public static func phone(_ text: String) throws(KioskError) -> String {
        let digits = text.filter { $0 != " " && $0 != "-" }
        let mobile = digits.count == 11 && digits.first == "1" && ("3"..."9").contains(digits.dropFirst().first ?? "0")
        let landline = (10...12).contains(digits.count) && digits.first == "0"
        guard digits.allSatisfy(\.isASCIIDigit), mobile || landline else {
            throw .invalid(
                "phone",
                chinese: "电话号码有误：请填写11位手机号，或带区号的固定电话。",
                english:
                    "The phone number is not valid: give an 11-digit mobile number, or a landline with its area code."
            )
        }
        return digits
    }

    /// A GB/T 2260 region code of 6, 9 or 12 digits whose province exists.
    public static func regionCode(_ text: String) throws(KioskError) -> String {
        let code = text.trimmingSpaces
        guard let region = RegionCode(code), region.level >= .county, IDNumber.isProvince(region.province) else {
            throw .invalid(
                "region-code",
                chinese: "行政区划代码有误：应为6、9或12位数字。",
                english: "The region code is not valid: it is 6, 9 or 12 digits of a real province."
            )
        }
        return code
    }

    /// A date as YYYY-MM-DD.
    public static func date(_ text: String) throws(KioskError) -> CardDate {
        do {
            return try CardDate(iso: text.trimmingSpaces)
        } catch {
            throw .invalid(
                "date", chinese: "日期有误：请按“年-月-日”填写，例如 2024-03-01。",
                english: "The date is not valid: write it as YYYY-MM-DD.")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\u{3000}" }.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed())
    }
}
