import Foundation
import ZIPFoundation

/// A workbook of one sheet in Office Open XML (SpreadsheetML, ECMA-376), the form county offices
/// exchange figures in: the parts a spreadsheet program needs and no more, zipped through
/// ZIPFoundation. Text goes in as inline strings, so that nothing in a cell is ever read as a formula.
public struct XLSXWorkbook: Sendable {
    /// One cell: text, or a whole number stored as a number (so that the office can sum it).
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Int)
    }

    /// The sheet's tab: at most 31 characters, none of `[]:*?/\`.
    public var sheetName: String
    public var rows: [[Cell]]

    public init(sheetName: String, rows: [[Cell]]) {
        self.sheetName = sheetName
        self.rows = rows
    }

    /// The `.xlsx` file's bytes.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Each part's path in the package and its XML.
    var parts: [(String, String)] {
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        return [
            (
                "[Content_Types].xml",
                declaration
                    + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                    + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
                    + #"<Default Extension="xml" ContentType="application/xml"/>"#
                    + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
                    + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
                    + "</Types>"
            ),
            (
                "_rels/.rels",
                declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
                    + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/>"#
                    + "</Relationships>"
            ),
            (
                "xl/workbook.xml",
                declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"#
                    + #"<sheet name="\#(Self.escaped(Self.tabName(sheetName)))" sheetId="1" r:id="rId1"/>"#
                    + "</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
                    + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
                    + "</Relationships>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                declaration + #"<worksheet xmlns="\#(main)"><sheetData>"# + sheetData + "</sheetData></worksheet>"
            ),
        ]
    }

    private var sheetData: String {
        rows.enumerated().map { index, cells in
            let number = index + 1
            let content = cells.enumerated().map { column, cell in
                let reference = Self.column(column) + String(number)
                return switch cell {
                case .number(let value): #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                case .text(let text):
                    #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(Self.escaped(text))</t></is></c>"#
                }
            }
            return #"<row r="\#(number)">"# + content.joined() + "</row>"
        }.joined()
    }

    /// The column's letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// Text as XML character data, without the control characters XML 1.0 cannot hold.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A name a spreadsheet program takes for a tab.
    static func tabName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}
