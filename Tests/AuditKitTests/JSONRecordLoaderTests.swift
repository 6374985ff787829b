import Foundation
import Testing
@testable import AuditKit

@Suite struct JSONRecordLoaderTests {
    @Test func scalarsAreKeptAsWritten() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load(
            "s.json",
            #"""
            {"a": 3, "b": 2.50, "c": 1e400, "d": -0.5E+3, "e": true, "f": false,
             "g": "  padded\t", "h": "esc\"aped\\\/\n", "i": "\u00e9\ud83d\ude00", "j": "日本"}
            """#
        ).root
        #expect(root["a"] == .text("3"))
        #expect(root["b"] == .text("2.50"))
        #expect(root["c"] == .text("1e400"))
        #expect(root["d"] == .text("-0.5E+3"))
        #expect(root["e"] == .text("true"))
        #expect(root["f"] == .text("false"))
        #expect(root["g"] == .text("padded"))
        #expect(root["h"] == .text("esc\"aped\\/"))
        #expect(root["i"] == .text("é😀"))
        #expect(root["j"] == .text("日本"))
    }

    @Test func absentFormsAreNotStored() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load(
            "n.json",
            #"""
            {"a": null, "b": "", "c": "   ", "d": [], "e": {}, "f": [null, ""], "g": {"x": null},
             "h": [[], {}], "keep": "1"}
            """#
        ).root
        #expect(root.fieldNames == ["keep"])
    }

    @Test func recordsCarryTheLineAndColumnOfTheirBrace() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let set = try fixture.load(
            "l.json",
            """
            {
              "complaints": [
                {"id": "C1"},
                  {"id": "C2",
                   "owner": {"id": "P1"}}
              ]
            }
            """, fileIndex: 2)
        #expect(set.root.location == SourceLocation(file: 2, line: 1, column: 1))
        let items = try #require(set.root["complaints"]?.items)
        #expect(items[0].record?.location == SourceLocation(file: 2, line: 3, column: 5))
        #expect(items[1].record?.location == SourceLocation(file: 2, line: 4, column: 7))
        #expect(items[1].record?["owner"]?.record?.location == SourceLocation(file: 2, line: 5, column: 17))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("bom.json", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": "1"}"#.utf8))
        let set = try RecordLoader.load(path: path)
        #expect(set.root["a"] == .text("1"))
        #expect(set.root.location.column == 1)
    }

    @Test func keysAreInternedConsistently() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var text = "{\"items\": ["
        for index in 0..<600 { text += (index > 0 ? "," : "") + "{\"k\(index % 300)\": \"v\", \"id\": \"\(index)\"}" }
        text += "], \"\\u0069d\": \"escaped\"}"
        let root = try fixture.load("k.json", text).root
        let items = try #require(root["items"]?.items)
        #expect(items.count == 600)
        #expect(items[299].record?["k299"] == .text("v"))
        #expect(items[599].record?.id == "599")
        #expect(root.id == "escaped")
    }

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var description: String { message }
    }

    @Test(arguments: [
        Case(
            text: "{\n  \"a\": [1, 2", line: 2, column: 13,
            message: "the file ends in the middle of the list that starts on line 2"),
        Case(
            text: "{\"a\": {\"b\": 1}", line: 1, column: 15,
            message: "the file ends in the middle of the object that starts on line 1"),
        Case(text: "{\"a\": \"abc", line: 1, column: 7, message: "the file ends in the middle of a text value"),
        Case(
            text: "{\"id\": 1,\n \"id\": 2}", line: 2, column: 2,
            message: "the JSON key \"id\" appears twice in the same object"),
        Case(text: "{\"a\": \"\\ud83d x\"}", line: 1, column: 8, message: "lone surrogate"),
        Case(text: "{\"a\": \"\\udc00\"}", line: 1, column: 8, message: "lone surrogate"),
        Case(text: "{\"a\": \"\\q\"}", line: 1, column: 8, message: "invalid escape 'q'"),
        Case(text: "{\"a\": \"\\u12G4\"}", line: 1, column: 8, message: "four hexadecimal digits"),
        Case(text: "{\"a\": \"line\nbreak\"}", line: 1, column: 12, message: "contains a line break"),
        Case(text: "{\"a\": \"abcdefghijk\nl\"}", line: 1, column: 19, message: "contains a line break"),
        Case(text: "{\"a\": \"abcdefghij\\q\"}", line: 1, column: 18, message: "invalid escape 'q'"),
        Case(text: "{\"a\": NaN}", line: 1, column: 7, message: "NaN and Infinity are not allowed"),
        Case(text: "{\"a\": -Infinity}", line: 1, column: 7, message: "NaN and Infinity are not allowed"),
        Case(text: "{\"a\": 012}", line: 1, column: 7, message: "leading zeros"),
        Case(text: "{\"a\": 1.}", line: 1, column: 7, message: "decimal point must be followed by digits"),
        Case(text: "{\"a\": .5}", line: 1, column: 7, message: "must not start with '.'"),
        Case(text: "{\"a\": +1}", line: 1, column: 7, message: "must not start with '+'"),
        Case(text: "{\"a\": 1e}", line: 1, column: 7, message: "exponent"),
        Case(text: "{\"a\": 1} x", line: 1, column: 10, message: "more text after the end of the JSON object"),
        Case(text: "{\"a\": 1}\n{}", line: 2, column: 1, message: "more text after the end of the JSON object"),
        Case(
            text: "[{\"a\": 1}]", line: 1, column: 1,
            message:
                "the export must be a JSON object whose keys are collections such as \"complaints\"; found an array"),
        Case(text: "\"text\"", line: 1, column: 1, message: "found a text value"),
        Case(text: "{\"a\": 1,}", line: 1, column: 9, message: "comma before '}'"),
        Case(text: "{\"a\": [1,]}", line: 1, column: 10, message: "comma before ']'"),
        Case(text: "{a: 1}", line: 1, column: 2, message: "expected a field name in double quotes"),
        Case(text: "{\"a\" 1}", line: 1, column: 6, message: "expected ':'"),
        Case(text: "{\"a\": 1 \"b\": 2}", line: 1, column: 9, message: "expected ',' or '}'"),
        Case(text: "{\"a\": tru}", line: 1, column: 7, message: "expected a value"),
        Case(text: "{\"a\": nulls}", line: 1, column: 11, message: "unexpected text after 'null'"),
        Case(text: "{\"a\": 'x'}", line: 1, column: 7, message: "expected a value"),
        Case(text: "  \n ", line: 0, column: 0, message: "the file is empty")
    ])
    func errorsNameTheProblemAndThePlace(_ test: Case) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let error = try #require(try fixture.failure("bad.json", test.text))
        #expect(error.message.contains(test.message), "\(error)")
        #expect(error.line == test.line, "\(error)")
        #expect(error.column == test.column, "\(error)")
    }

    static let twentyKeys = (0..<20).map { "\"k\($0)\": \"v\"" }.joined(separator: ", ")

    /// Keys of a record written like the one before it are recognised without the check for
    /// repeated keys; a key repeated there is still refused, at its place.
    @Test(arguments: [
        (#"{"c": [{"id": "A", "x": "1"}, {"id": "B", "x": "2", "id": "C"}]}"#, "id", 53),
        (#"{"c": [{"id": "A", "x": "1", "y": "2"}, {"id": "B", "y": "2", "id": "C"}]}"#, "id", 63),
        (#"{"c": [{"id": "A", "x": "1"}, {"id": "B", "\u0069d": "C"}]}"#, "id", 43),
        (#"{"c": [{"": "1"}, {"": "3", "": "4"}]}"#, "", 29),
        ("{\"c\": [{\(twentyKeys)}, {\(twentyKeys), \"k3\": \"again\"}]}", "k3", 471)
    ])
    func aKeyRepeatedInARecordLikeThePreviousIsRefused(_ text: String, _ key: String, _ column: Int) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let error = try #require(try fixture.failure("bad.json", text))
        #expect(error.message == "the JSON key \"\(key)\" appears twice in the same object", "\(error)")
        #expect(error.line == 1, "\(error)")
        #expect(error.column == column, "\(error)")
    }

    @Test func recordsWrittenAlikeOrWithFieldsLeftOutKeepTheirFields() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load(
            "alike.json",
            #"""
            {"c": [{"id": "A", "x": "1", "y": "2"}, {"id": "B", "y": "3"}, {"y": "4", "id": "C"},
                   {"id": "D", "x": "5", "y": "6", "z": "7"}, {"id": "E", "x": "8", "y": "9"}],
             "e": [{"": "1", "a": "2"}, {"": "3", "a": "4"}]}
            """#
        ).root
        let items = try #require(root["c"]?.items)
        #expect(
            items.map { $0.record?.fieldNames ?? [] } == [
                ["id", "x", "y"], ["id", "y"], ["y", "id"], ["id", "x", "y", "z"], ["id", "x", "y"]
            ])
        #expect(items.map { $0.record?["y"] } == [.text("2"), .text("3"), .text("4"), .text("6"), .text("9")])
        #expect(root["e"]?.items.map { $0.record?[""] } == [.text("1"), .text("3")])
    }

    @Test func invalidUTF8IsRejectedWithItsPlace() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for bad: [UInt8] in [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = Array("{\n \"a\": \"x".utf8) + bad + Array("\"}".utf8)
            let error = try #require(fixture.failure(path: fixture.write("u.json", bytes: bytes)))
            #expect(error.message.contains("not valid UTF-8"), "\(error)")
            #expect(error.line == 2)
            #expect(error.column == 9)
        }
    }

    @Test func controlCharactersInStringsAreRejected() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let error = try #require(try fixture.failure("c.json", "{\"a\": \"x\u{01}\"}"))
        #expect(error.message.contains("control character 0x01"))
        #expect(error.column == 9)
    }

    @Test func deepNestingStopsQuicklyWithAClearError() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(try fixture.failure("deep.json", deep))
        #expect(clock.now - start < .seconds(2))
        #expect(error.message == "nesting is deeper than 256 levels")
        #expect(error.line == 1)
        #expect(error.column == 5 + 256)
        let objects = String(repeating: "{\"a\":", count: 100_000)
        let objectError = try #require(try fixture.failure("deep2.json", objects))
        #expect(objectError.message == "nesting is deeper than 256 levels")
        // 256 levels are fine.
        let ok = String(repeating: "{\"a\":", count: 255) + "{\"b\": 1" + String(repeating: "}", count: 256)
        let set = try fixture.load("ok.json", ok)
        #expect(set.root["a"] != nil)
    }

    @Test func errorDescriptionHasFileLineAndColumn() {
        let error = RecordLoadError(file: "x.json", line: 3, column: 7, message: "boom")
        #expect(error.description == "x.json:3:7: error: boom")
        #expect(error.errorDescription == "x.json:3:7: error: boom")
        #expect(RecordLoadError(file: "x.json", message: "gone").description == "x.json: error: gone")
    }
}
