import Foundation
import SocialSecurityCard
import Testing

@Suite("A region's card profile is a JSON file a technician writes and checks")
struct CardProfileFileTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func problems(_ text: String) throws -> String {
        let url = try write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try CardProfile(contentsOf: url)
            return ""
        } catch {
            #expect(error.code == .invalidProfile)
            return error.message
        }
    }

    @Test func theNationalProfileRoundTripsThroughItsFileForm() throws {
        let data = try JSONEncoder().encode(CardProfile.standard)
        let url = try Self.write(String(decoding: data, as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try CardProfile(contentsOf: url) == .standard)
        #expect(CardProfile.standard.problems == [])
    }

    @Test func theSichuanProfileLoads() throws {
        let url = TraceReplayTests.root.appendingPathComponent("hardware/card-profiles/sichuan.json")
        let profile = try CardProfile(contentsOf: url)
        #expect(profile.recordAccess == .selectByFileIdentifier)
        #expect(profile.authentication == .originalAndFactor)
        #expect(profile.key(.readSSSE)?.keyID == 0x0A)
        #expect(!profile.selectMasterFileFirst)
    }

    @Test func aMistakeIsNamedWhereItIs() throws {
        let message = try Self.problems(#"{"ssse": {"name": "SSSE", "aid": "7378", "files": []}, "keys": []}"#)
        #expect(message.contains("ssse.aid: \"7378\" is not 5 to 16 bytes of hex"))
        #expect(try Self.problems(#"{"keys": []}"#).contains("ssse is missing"))
        #expect(try Self.problems("{").contains("not valid JSON"))
        #expect(try Self.problems(#"{"ssse": 3, "keys": []}"#).contains("ssse should be an object"))
    }

    @Test func whatAReadNeedsAndWhatContradictsItselfIsListed() throws {
        let message = try Self.problems(
            #"""
            {"ssse": {"name": "SSSE", "aid": "7378312E73682EC9E7BBE1B1A3D5CF", "files": [
              {"fid": "EF05", "sfi": 5, "records": [
                {"tag": "01", "field": "cardIdentifier", "name": "卡识别码", "format": "cn", "length": 16},
                {"tag": "01", "field": "specVersion", "name": "规范版本", "format": "an", "length": 4}],
               "read": [{"since": "1.00", "condition": "external-authentication RK-X"}], "write": "never"}]},
             "keys": [], "pinLength": 20}
            """#)
        #expect(message.contains("file EF05 does not name the item `cardNumber`"))
        #expect(message.contains("the SSSE has no file EF06"))
        #expect(message.contains("file EF05 names the tag 01 2 times"))
        #expect(message.contains("names the key RK-X, which `keys` does not list"))
        #expect(message.contains("pinLength 20"))
    }

    @Test func aConditionThatIsNoConditionIsRefused() throws {
        let message = try Self.problems(
            #"""
            {"ssse": {"name": "SSSE", "aid": "7378312E73682EC9E7BBE1B1A3D5CF", "files": [
              {"fid": "EF05", "sfi": 5, "transparentSize": 10, "read": [{"since": "1.00", "condition": "whenever"}],
               "write": "never"}]}, "keys": []}
            """#)
        #expect(message.contains("\"whenever\" is not an access condition"))
    }
}
