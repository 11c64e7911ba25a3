import Foundation
import Printing

/// The A4 page a diagnostics test print sends: a line of text and the time, built by hand so that
/// diagnostics need no renderer (the renderer may be what is broken).
enum TestPage {
    static func pdf(at date: Date) -> [UInt8] {
        let stamp = ISO8601DateFormatter().string(from: date)
        return OnePagePDF.make(
            width: 595, height: 842,
            content: "BT /F1 18 Tf 72 760 Td (sskiosk diagnostics test page) Tj 0 -28 Td (\(stamp)) Tj ET")
    }
}
