import SmartCard
import Testing

@Suite struct StatusWordTests {
    @Test func bytesAndValueAgree() {
        let sw = StatusWord(sw1: 0x6A, sw2: 0x82)
        #expect(sw == StatusWord(0x6A82))
        #expect(sw.value == 0x6A82)
        #expect(StatusWord(0x63C1).sw1 == 0x63)
        #expect(StatusWord(0x63C1).sw2 == 0xC1)
        #expect(StatusWord.success == StatusWord(sw1: 0x90, sw2: 0x00))
    }

    @Test func onlyNineThousandIsSuccess() {
        #expect(StatusWord(0x9000).isSuccess)
        for value: UInt16 in [0x9001, 0x6100, 0x6110, 0x0090, 0x9100, 0x6200] {
            #expect(!StatusWord(value).isSuccess, "\(StatusWord(value))")
        }
    }

    // MARK: Meanings (ISO 7816-4 §5.1.3, and the words CARD.md asks to be clear about)

    @Test(arguments: [
        (UInt16(0x9000), StatusWord.Meaning.success, "success"),
        (0x6110, .moreDataAvailable(16), "16 more response bytes available"),
        (0x6101, .moreDataAvailable(1), "1 more response bytes available"),
        (0x6100, .moreDataAvailable(256), "256 more response bytes available"),
        (0x6C10, .wrongLeExactLength(16), "wrong Le; the card has 16 bytes"),
        (0x6C00, .wrongLeExactLength(256), "the card has 256 bytes"),
        (0x63C3, .verificationFailed(triesLeft: 3), "verification failed, 3 tries left"),
        (0x63C0, .verificationFailed(triesLeft: 0), "0 tries left"),
        (0x63CF, .verificationFailed(triesLeft: 15), "15 tries left"),
        (0x6300, .warning, "warning"),
        (0x63B1, .warning, "warning"),
        (0x6281, .warning, "warning"),
        (0x6581, .executionError, "execution error"),
        (0x6700, .wrongLength, "wrong length"),
        (0x6881, .functionInCLANotSupported, "function in CLA not supported"),
        (0x6982, .securityStatusNotSatisfied, "security status not satisfied"),
        (0x6983, .authenticationMethodBlocked, "blocked"),
        (0x6984, .referencedDataInvalid, "referenced data invalid"),
        (0x6985, .conditionsOfUseNotSatisfied, "conditions of use not satisfied"),
        (0x6986, .noCurrentEF, "no current EF"),
        (0x6988, .secureMessagingDataObjectIncorrect, "bad MAC"),
        (0x6900, .commandNotAllowed, "command not allowed"),
        (0x6A80, .incorrectDataField, "data field"),
        (0x6A82, .fileNotFound, "file or application not found"),
        (0x6A83, .recordNotFound, "record not found"),
        (0x6A86, .incorrectP1P2, "incorrect parameters P1-P2"),
        (0x6B00, .incorrectP1P2, "incorrect parameters P1-P2"),
        (0x6A88, .referencedDataNotFound, "referenced data not found"),
        (0x6A8A, .wrongParameters, "wrong parameters P1-P2"),
        (0x6D00, .insNotSupported, "instruction not supported"),
        (0x6E00, .claNotSupported, "class not supported"),
        (0x6F00, .noPreciseDiagnosis, "no precise diagnosis"),
        // Issuer-specific words, such as the social-security card's MAC error and locked application.
        (0x9302, .proprietary, "issuer-specific"),
        (0x9303, .proprietary, "issuer-specific"),
        (0x9001, .proprietary, "issuer-specific"),
        (0x0000, .unknown, "not an ISO 7816-4 status word"),
        (0x1234, .unknown, "not an ISO 7816-4 status word"),
        (0x6000, .unknown, "not an ISO 7816-4 status word"),
        (0x6D01, .unknown, "not an ISO 7816-4 status word"),
        (0xA000, .unknown, "not an ISO 7816-4 status word"),
    ])
    func meaning(value: UInt16, meaning: StatusWord.Meaning, explanation: String) {
        let sw = StatusWord(value)
        #expect(sw.meaning == meaning)
        #expect(sw.explanation.contains(explanation), "\(sw.explanation)")
    }

    @Test func sixtyThreeCxIsTheOnlyTriesCounter() {
        for sw2 in 0...0xFF {
            let meaning = StatusWord(sw1: 0x63, sw2: UInt8(sw2)).meaning
            if sw2 >> 4 == 0xC {
                #expect(meaning == .verificationFailed(triesLeft: sw2 & 0x0F))
            } else {
                #expect(meaning == .warning)
            }
        }
    }

    // MARK: Description

    @Test func descriptionIsHexThenExplanation() {
        #expect(StatusWord.success.description == "9000 (success)")
        #expect(StatusWord(0x63C2).description == "63C2 (verification failed, 2 tries left)")
        #expect(StatusWord(0x6A82).description == "6A82 (file or application not found)")
        #expect(StatusWord(0x0012).description == "0012 (not an ISO 7816-4 status word)")
        #expect(StatusWord(0x0000).description == "0000 (not an ISO 7816-4 status word)")
    }

    @Test func everyStatusWordIsDescribed() {
        let digits = Array("0123456789ABCDEF")
        for value in 0...0xFFFF {
            let sw = StatusWord(UInt16(value))
            let hex = String([12, 8, 4, 0].map { digits[(value >> $0) & 0xF] })
            #expect(!sw.explanation.isEmpty)
            #expect(sw.description == "\(hex) (\(sw.explanation))")
        }
    }
}
