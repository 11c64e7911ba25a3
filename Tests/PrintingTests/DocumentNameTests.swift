import Testing

@testable import Printing

@Suite("The document name written to cupsd")
struct DocumentNameTests {
    @Test("whitespace becomes an underscore; everything else, Chinese included, is kept")
    func whitespaceReplaced() {
        #expect(CUPSDestination.documentName("sskiosk test page") == "sskiosk_test_page")
        #expect(CUPSDestination.documentName("a\tb\nc") == "a_b_c")
        #expect(CUPSDestination.documentName("参保证明 (copy).pdf") == "参保证明_(copy).pdf")
    }
}
