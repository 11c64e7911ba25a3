import CodedErrors

/// An error in the data of a social security card: a field that cannot be encoded, bytes from a card
/// that make no sense, or a number a person typed that does not check out.
///
/// Messages about numbers a resident types (ID number, card number) are written for the resident; the
/// others for a clerk or technician. No message ever contains a full ID number.
public struct CardDataError: CodedError {
    public enum Code: Hashable, Sendable {
        case bcdNotDigits
        case bcdTooLong
        case bcdInvalidNibble
        case bcdDigitAfterPadding
        case valueTooLong
        case notPrintableASCII
        case invalidDate
        case textConverterUnavailable
        case notEncodableInGBK
        case invalidGBK
        case emptyName
        case nameTooLong
        case recordTruncated
        case recordLengthOverrun
        case unsupportedLengthForm
        case itemTooLong
        case idNumberLength
        case idNumberLegacy
        case idNumberCharacter
        case idNumberProvince
        case idNumberBirthDate
        case idNumberBirthDateInFuture
        case idNumberCheckCharacter
        case cardNumberLength
        case cardNumberCharacter
        case cardNumberCheckCharacter
        case cardIdentifierLength
        case cardIdentifierRegion
        case cardIdentifierMarker
    }

    public let code: Code
    /// What went wrong and what to do about it, for a person.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    // MARK: Numeric (cn) fields

    /// A `cn` field was given something other than the digits 0-9.
    public static func bcdNotDigits(position: Int) -> Self {
        Self(.bcdNotDigits, "A numeric card field may hold only the digits 0-9; character \(position) is not a digit.")
    }

    /// More digits than the field's bytes can hold.
    public static func bcdTooLong(digits: Int, byteCount: Int) -> Self {
        Self(
            .bcdTooLong,
            "\(digits) digits do not fit in a numeric card field of \(byteCount) bytes (at most \(byteCount * 2)).")
    }

    /// A nibble A-E inside a `cn` field read from a card.
    public static func bcdInvalidNibble(_ nibble: UInt8, position: Int) -> Self {
        Self(
            .bcdInvalidNibble,
            "A numeric field on the card holds the nibble \(String(nibble, radix: 16, uppercase: true)) at digit \(position), which is not a digit. The card data is damaged or was written wrongly."
        )
    }

    /// A digit after the F padding of a `cn` field read from a card.
    public static func bcdDigitAfterPadding(position: Int) -> Self {
        Self(
            .bcdDigitAfterPadding,
            "A numeric field on the card continues with a digit at position \(position) after its F padding. The card data is damaged or was written wrongly."
        )
    }

    // MARK: Alphanumeric (an) fields

    /// A value longer than its `an` field.
    public static func valueTooLong(count: Int, byteCount: Int) -> Self {
        Self(.valueTooLong, "A value of \(count) bytes does not fit in a card field of \(byteCount) bytes.")
    }

    /// A text field that must be printable ASCII is not.
    public static func notPrintableASCII(position: Int) -> Self {
        Self(
            .notPrintableASCII,
            "This card field may hold only printable ASCII letters, digits and signs; character \(position) is not one."
        )
    }

    // MARK: Dates

    /// Not a date of the calendar; `reason` says why.
    public static func invalidDate(_ reason: String) -> Self {
        Self(.invalidDate, "Not a valid date: \(reason).")
    }

    // MARK: GBK text and names

    /// glibc's iconv cannot convert to or from GBK on this machine.
    public static let textConverterUnavailable = Self(
        .textConverterUnavailable,
        "This terminal cannot convert Chinese text to the card's GBK encoding (glibc's gconv modules are missing). Report this to a technician."
    )

    /// Characters that GBK cannot represent; each with its position in the text, counted from 1.
    public static func notEncodableInGBK(_ characters: [(character: Character, position: Int)]) -> Self {
        let list = characters.map { character, position in
            let scalars = character.unicodeScalars.map { "U+\(String($0.value, radix: 16, uppercase: true))" }
            return "'\(character)' (\(scalars.joined(separator: " "))) at position \(position)"
        }
        return Self(
            .notEncodableInGBK,
            "The card stores text in GBK, which has no code for \(list.joined(separator: ", ")). Nothing was written; use the region's rule for rare characters (生僻字)."
        )
    }

    /// Bytes read from a card that are not valid GBK; `offset` counts from 0.
    public static func invalidGBK(offset: Int, incomplete: Bool) -> Self {
        let what = incomplete ? "ends in the middle of a character" : "holds bytes that are not GBK at offset \(offset)"
        return Self(
            .invalidGBK, "Text on the card \(what). The card data is damaged or was written in another encoding.")
    }

    public static let emptyName = Self(.emptyName, "The name is empty. Enter the name as it appears on the ID card.")

    /// A name whose GBK bytes do not fit the card's name items.
    public static func nameTooLong(byteCount: Int, capacity: Int) -> Self {
        Self(
            .nameTooLong,
            "The name needs \(byteCount) bytes in GBK, but this card holds at most \(capacity). Use the region's rule for long names."
        )
    }

    // MARK: Records (TLV)

    /// A record that ends inside an item's tag or length.
    public static func recordTruncated(offset: Int) -> Self {
        Self(
            .recordTruncated,
            "A record from the card ends in the middle of an item's header at byte \(offset). Read the card again; if this persists, its data is damaged."
        )
    }

    /// An item whose length runs past the end of its record.
    public static func recordLengthOverrun(tag: UInt8, length: Int, available: Int) -> Self {
        Self(
            .recordLengthOverrun,
            "Item \(hex(tag)) of a record from the card announces \(length) bytes but only \(available) follow. Read the card again; if this persists, its data is damaged."
        )
    }

    /// A length byte that is neither a short length nor the 81 LL form.
    public static func unsupportedLengthForm(tag: UInt8, lengthByte: UInt8) -> Self {
        Self(
            .unsupportedLengthForm,
            "Item \(hex(tag)) of a record from the card uses the length form \(hex(lengthByte)), which card records do not use. The card data is damaged or not a social security card record."
        )
    }

    /// An item too long for a record.
    public static func itemTooLong(tag: UInt8, length: Int) -> Self {
        Self(.itemTooLong, "Item \(hex(tag)) holds \(length) bytes; a card record item holds at most 255.")
    }

    // MARK: ID numbers (for the resident)

    public static func idNumberLength(_ count: Int) -> Self {
        Self(.idNumberLength, "An ID number has 18 characters, but \(count) were entered. Please check the number.")
    }

    public static let idNumberLegacy = Self(
        .idNumberLegacy,
        "This is an old 15-digit ID number. Please enter the 18-digit number from your current ID card.")

    public static func idNumberCharacter(position: Int) -> Self {
        Self(
            .idNumberCharacter,
            "An ID number has only digits, with X allowed as the last character; character \(position) is neither. Please check the number."
        )
    }

    public static let idNumberProvince = Self(
        .idNumberProvince,
        "The first two digits of the ID number are not a province code. Please check the number.")

    public static let idNumberBirthDate = Self(
        .idNumberBirthDate,
        "Digits 7 to 14 of the ID number are the birth date, but they are not a real date. Please check the number.")

    public static let idNumberBirthDateInFuture = Self(
        .idNumberBirthDateInFuture,
        "Digits 7 to 14 of the ID number are the birth date, but it lies in the future. Please check the number.")

    public static let idNumberCheckCharacter = Self(
        .idNumberCheckCharacter,
        "The last character of the ID number does not match the others; please check the number.")

    // MARK: Card numbers (for the resident)

    public static func cardNumberLength(_ count: Int) -> Self {
        Self(.cardNumberLength, "A card number has 9 characters, but \(count) were entered. Please check the number.")
    }

    public static func cardNumberCharacter(position: Int) -> Self {
        Self(
            .cardNumberCharacter,
            "A card number has only letters A-Z and digits; character \(position) is neither. Please check the number.")
    }

    public static let cardNumberCheckCharacter = Self(
        .cardNumberCheckCharacter,
        "The last character of the card number does not match the others; please check the number.")

    // MARK: Card identifier

    public static func cardIdentifierLength(_ count: Int) -> Self {
        Self(.cardIdentifierLength, "The card identifier must be 16 bytes, but the card gave \(count).")
    }

    public static let cardIdentifierRegion = Self(
        .cardIdentifierRegion,
        "The card identifier does not start with a 6-digit region code. The card data is damaged or the card is not a social security card."
    )

    public static let cardIdentifierMarker = Self(
        .cardIdentifierMarker,
        "The card identifier lacks the issuer mark D156000005. The card is not a social security card, or its data is damaged."
    )

    private static func hex(_ byte: UInt8) -> String { [byte].hexDigits }
}
