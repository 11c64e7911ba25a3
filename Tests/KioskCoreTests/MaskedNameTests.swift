import Foundation
import Testing
import Vocabulary

@Suite("A name masked for answers to someone unknown")
struct MaskedNameTests {
    @Test(
        "first character kept, and the last of a longer name; the rest starred",
        arguments: [
            ("张三", "张*"), ("王小明", "王*明"), ("欧阳娜娜", "欧**娜"), ("李", "*"), ("", ""), (" 赵四 ", "赵*"),
            ("Ayşe Demir", "A********r"),
        ])
    func masks(name: String, masked: String) {
        #expect(MaskedName(name).text == masked)
    }

    @Test("masking what is already masked changes nothing, so a decoded value is never unmasked")
    func idempotent() throws {
        for name in ["张三", "王小明", "欧阳娜娜", "买买提·艾力"] {
            let once = MaskedName(name)
            #expect(MaskedName(once.text) == once)
            let decoded = try JSONDecoder().decode(MaskedName.self, from: try JSONEncoder().encode(name))
            #expect(decoded == once)
            #expect(!decoded.text.contains(name))
        }
    }
}
