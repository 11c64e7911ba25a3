import CodedErrors

/// An error from laying out, rendering or verifying a document: what happened, and what to do.
///
/// A ``CodedError``: a static member or function per code, a message for the clerk or technician.
/// Messages name template keys and characters, never a person's full ID number or a key.
public struct DocumentError: CodedError {
    public enum Code: Hashable, Sendable {
        case missingValue
        case missingTable
        case malformedPlaceholder
        case unrenderableText
        case fontMissing
        case textDoesNotFit
        case blockTooTall
        case invalidTemplate
        case invalidImage
        case imageTooLarge
        case qrTooDense
        case qrEncodingFailed
        case amountOverflow
        case renderingFailed
        case signerMissing
        case signingFailed
        case malformedVerification
        case unknownSigningKey
        case signatureInvalid
        case verificationCodeMismatch
        case unsupportedVerificationVersion
    }

    public let code: Code
    /// What went wrong and what to do about it, for a person.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    // MARK: Template and data

    /// A placeholder names a value the document's data does not have.
    public static func missingValue(_ key: String) -> Self {
        Self(
            .missingValue,
            "The template asks for «\(key)», which the document's data does not provide. "
                + "Fix the template or the mapping that fills it.")
    }

    /// A table block names a row set the document's data does not have.
    public static func missingTable(_ key: String) -> Self {
        Self(
            .missingTable,
            "The template has a table of «\(key)», which the document's data does not provide. "
                + "Fix the template or the mapping that fills it.")
    }

    /// A `{` without its `}` in a template text.
    public static func malformedPlaceholder(_ text: String) -> Self {
        Self(
            .malformedPlaceholder,
            "The template text «\(text)» has a «{» without a closing «}». "
                + "Write «{{» for a literal brace.")
    }

    /// Characters that no installed font can draw: printed, they would come out as empty boxes.
    public static func unrenderableText(in field: String, characters: [Unicode.Scalar]) -> Self {
        let list = characters.map { "\(Character($0)) (U+\(String($0.value, radix: 16, uppercase: true)))" }
        return Self(
            .unrenderableText,
            "The text of \(field) has characters no installed font can print: "
                + list.joined(separator: ", ") + ". Nothing was printed. Install a font that covers them "
                + "(the region's rare-character font, or fonts-noto-cjk-extra), or correct the record.")
    }

    /// A font family the template names is not installed, so fontconfig would substitute another.
    public static func fontMissing(_ family: String) -> Self {
        Self(
            .fontMissing,
            "The font «\(family)» is not installed. Install it (Debian: fonts-noto-cjk) "
                + "or change the template's font.")
    }

    /// A text does not fit its box even at its smallest size and largest number of lines.
    public static func textDoesNotFit(_ field: String) -> Self {
        Self(
            .textDoesNotFit,
            "The text of \(field) does not fit its box even at the smallest allowed size. "
                + "Nothing was printed; shorten the text or give the layout a larger box or more lines.")
    }

    /// A block that cannot be split is taller than a page.
    public static func blockTooTall(_ what: String) -> Self {
        Self(.blockTooTall, "\(what) is taller than a page and cannot be split. Shorten it or change the template.")
    }

    /// A template that cannot work whatever the data, for example a table without columns.
    public static func invalidTemplate(_ reason: String) -> Self {
        Self(.invalidTemplate, "The template is not valid: \(reason).")
    }

    /// Image bytes that are neither a readable PNG nor a baseline or progressive JPEG.
    public static func invalidImage(_ key: String) -> Self {
        Self(.invalidImage, "The image «\(key)» is not a readable PNG or JPEG. Take or scan the photo again.")
    }

    /// A picture too large to decode safely.
    public static func imageTooLarge(_ key: String, width: Int, height: Int, maximum: Int) -> Self {
        Self(
            .imageTooLarge,
            "The image «\(key)» is \(width) x \(height) pixels, more than \(maximum) on a side. "
                + "Scale it down first (a card photo is 358 x 441).")
    }

    /// The QR code would have modules too small for the printer to print and a phone to scan.
    public static func qrTooDense(moduleMillimetres: Double, minimum: Double) -> Self {
        Self(
            .qrTooDense,
            "The verification QR code would have \(rounded(moduleMillimetres)) mm modules, below the "
                + "\(rounded(minimum)) mm minimum. Give the QR code a larger box in the template.")
    }

    /// libqrencode could not encode the payload.
    public static let qrEncodingFailed = Self(
        .qrEncodingFailed,
        "The verification payload is too long for a QR code. Report this to a technician.")

    /// A sum of money beyond Int64 fen.
    public static let amountOverflow = Self(
        .amountOverflow,
        "A sum of money is too large to print. The records are probably wrong; check them.")

    /// cairo reported a failure; `status` is its description.
    public static func renderingFailed(_ status: String) -> Self {
        Self(
            .renderingFailed,
            "Rendering the PDF failed (\(status)). Check free memory and disk; "
                + "if it persists, report it to a technician.")
    }

    // MARK: Verification

    /// The template has a verification block but the renderer was given no signer, or the data no subject.
    public static let signerMissing = Self(
        .signerMissing,
        "This document carries a verification code, but no signing key or verification data was given. "
            + "Configure the terminal's document signing key.")

    /// The signer could not sign.
    public static func signingFailed(_ reason: String) -> Self {
        Self(
            .signingFailed,
            "The document could not be signed: \(reason). Nothing was printed; "
                + "check the terminal's document signing key.")
    }

    /// A scanned text that is not a verification payload of this system.
    public static func malformedVerification(_ reason: String) -> Self {
        Self(
            .malformedVerification,
            "The scanned code is not a valid certificate code (\(reason)). "
                + "Scan it again; if it keeps failing the certificate may be damaged or forged.")
    }

    /// The payload names a signing key the verifier does not trust.
    public static func unknownSigningKey(_ keyID: String) -> Self {
        Self(
            .unknownSigningKey,
            "The certificate was signed with key «\(keyID)», which this verifier does not know. "
                + "Update the list of trusted keys, or treat the certificate as not genuine.")
    }

    /// The signature does not match the payload: something was altered.
    public static let signatureInvalid = Self(
        .signatureInvalid,
        "The certificate's signature does not match its contents: it was altered or forged. Do not accept it.")

    /// The printed verification code does not belong to the scanned payload.
    public static let verificationCodeMismatch = Self(
        .verificationCodeMismatch,
        "The verification code printed on the certificate does not match its QR code. Do not accept it.")

    /// A payload of a format version this verifier does not read.
    public static func unsupportedVerificationVersion(_ version: Int) -> Self {
        Self(
            .unsupportedVerificationVersion,
            "The certificate's code has format version \(version), which this "
                + "verifier does not read. Update the verifier.")
    }

    private static func rounded(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }
}
