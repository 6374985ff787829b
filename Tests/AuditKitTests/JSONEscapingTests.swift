import Foundation
import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

/// Reports, record exports and schemas spell strings the same way, as `JSONEncoder` does.
@Suite struct JSONEscapingTests {
    @Test func everyControlCharacterQuoteAndBackslashAsJSONEncoderWritesThem() throws {
        var text = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        text += "\"\\/ \u{7F} é 👩‍🔧 \u{2028}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(text), as: UTF8.self)
        #expect(JSONEscaping.quoted(text) == expected)
        #expect(JSONEscaping.quoted("") == "\"\"")
    }

    @Test func aRecordExportWithAwkwardTextReadsBackUnchanged() throws {
        let awkward = "tab\there\u{8}\u{C}\u{1F} \"quoted\" back\\slash\nnew line"
        let json = RecordWriter.json(
            Record(
                names: names,
                fields: [
                    Record.Field(
                        name: names.name("complaints"),
                        value: .list([
                            .record(
                                Record(
                                    names: names,
                                    fields: [
                                        Record.Field(name: names.name("id"), value: .text("C1")),
                                        Record.Field(name: names.name("description"), value: .text(awkward))
                                    ]))
                        ]))
                ]))
        #expect(json.contains(#"tab\there\b\f\u001f \"quoted\" back\\slash\nnew line"#))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: String]]]
        #expect(decoded?["complaints"]?.first?["description"] == awkward)
    }
}
