import Foundation
import Testing

@testable import SocialSecurityCard

@Suite struct GB2260Tests {
    /// The shared data file next to the package (the worktree's sibling `shared/`), or the path in
    /// `SSKIOSK_GB2260_JSON`.
    static let jsonURL: URL = {
        if let path = ProcessInfo.processInfo.environment["SSKIOSK_GB2260_JSON"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/gb2260-regions-2020.json")
    }()

    @Test func tablesAreWellFormed() {
        #expect(GB2260.provinces.count == 34)
        #expect(GB2260.provinces.keys.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        #expect(Set(GB2260.sampleCounties.map(\.code)).count == GB2260.sampleCounties.count)
        for county in GB2260.sampleCounties {
            #expect(county.code.count == 6 && Int(county.code) != nil)
            #expect(GB2260.provinces[String(county.code.prefix(2))] != nil)
            #expect(!county.code.hasSuffix("00"))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: jsonURL.path)))
    func tablesMatchTheSharedData() throws {
        let regions = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: Self.jsonURL))
        let provinces = regions.filter { $0.key.hasSuffix("0000") }
        #expect(
            GB2260.provinces == Dictionary(uniqueKeysWithValues: provinces.map { (String($0.key.prefix(2)), $0.value) })
        )
        for county in GB2260.sampleCounties {
            #expect(regions[county.code] == county.name)
        }
    }
}
