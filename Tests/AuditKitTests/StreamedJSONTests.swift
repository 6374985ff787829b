import Foundation
import Testing
@testable import AuditKit

/// A JSON export is read a piece at a time while it is parsed (``StreamedFileBuffer``). Where
/// the pieces meet must never show: a text, number, word, escape or character cut by the end of
/// a piece loads as if the file had been read whole, errors far into a file name the same line
/// and column, and the file's digest is its whole digest.
@Suite struct StreamedJSONTests {
    /// The first piece is ``InputReader/headSize`` bytes: the parser always asks for more there.
    private static let cut = InputReader.headSize

    /// An export whose `complaints[1].<field>` value starts `before` bytes before the first cut.
    private static func export(field: String, literal: String, before: Int) -> String {
        let opening = "{\"complaints\": [\n {\"id\": \"C0\", \"description\": \""
        let closing = "\"},\n {\"id\": \"C1\", \"\(field)\": "
        // Padding inside C0's description puts the value of C1's field across the cut.
        let padding = cut - before - opening.utf8.count - closing.utf8.count
        return opening + String(repeating: "x", count: padding) + closing + literal + "}\n]}\n"
    }

    @Test(arguments: [
        ("description", "\"Seal leaking at the flange\"", "Seal leaking at the flange"),
        ("description", "\"caf\\u00e9 \\\"froid\\\" \\ud83d\\ude00\"", "café \"froid\" 😀"),
        ("description", "\"réclamation été\"", "réclamation été"),
        ("satisfaction_score", "12345.675e-2", "12345.675e-2"),
        ("safety_related", "false", "false")
    ])
    func aValueCutByTheEndOfAPieceLoadsWhole(field: String, literal: String, expected: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for before in 1..<min(literal.utf8.count, 14) {
            let text = Self.export(field: field, literal: literal, before: before)
            let streamed = try fixture.load("cut-\(before).json", text)
            let whole = try JSONRecordLoader.load(
                bytes: Array(text.utf8), path: "whole", fileIndex: 0, names: NameTable())
            #expect(streamed.root == whole, "value cut \(before) bytes in")
            let complaints = streamed.root["complaints"]?.items.compactMap(\.record) ?? []
            #expect(complaints.count == 2 && complaints[1][field]?.text == expected, "value cut \(before) bytes in")
        }
    }

    @Test func anAbsentValueCutByTheEndOfAPieceStaysAbsent() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for before in 1...3 {
            let loaded = try fixture.load(
                "null-\(before).json", Self.export(field: "closed_on", literal: "null", before: before))
            let complaints = loaded.root["complaints"]?.items.compactMap(\.record) ?? []
            #expect(complaints.count == 2 && complaints[1]["closed_on"] == nil && complaints[1].id == "C1")
        }
    }

    @Test func errorsFarIntoAFileNameTheirLineAndColumn() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        // About 3 MB over 30,000 lines: the reading runs ahead, the parser releases behind.
        var text = "{\"complaints\": [\n"
        for index in 0..<30_000 {
            text += " {\"id\": \"C\(index)\", \"description\": \"\(String(repeating: "d", count: 80))\"},\n"
        }
        let cases = [
            (text + " {\"id\": \"C-last\", \"channel\": \"em", "the file ends in the middle of a text value"),
            (text + " {\"id\": \"C-last\", \"channel\": tru\n]}", "expected a value"),
            (text + " {\"id\": \"C-last\", \"channel\": \"a\\qb\"}\n]}", "invalid escape"),
            (text + " {\"id\": \"C-last\", \"id\": \"again\"}\n]}", "appears twice")
        ]
        for (index, (broken, expected)) in cases.enumerated() {
            let path = try fixture.write("broken-\(index).json", broken)
            let streamed = try #require(fixture.failure(path: path))
            let whole: RecordLoadError
            do {
                _ = try JSONRecordLoader.load(bytes: Array(broken.utf8), path: path, fileIndex: 0, names: NameTable())
                Issue.record("case \(index) loaded")
                continue
            } catch {
                whole = error
            }
            #expect(streamed.line == 30_002, "case \(index): \(streamed)")
            #expect(streamed.line == whole.line && streamed.column == whole.column, "case \(index)")
            #expect(
                streamed.message == whole.message && streamed.message.contains(expected),
                "case \(index): \(streamed.message)")
        }
    }

    @Test(.timeLimit(.minutes(3))) func aMinifiedFileAndALongTextBeyondTheReadAheadLoad() throws {
        // The reader stays at most `lead` bytes ahead of the parser; the parser tells it how far
        // it has got at line breaks, and whenever it waits. A file on one line (minified JSON),
        // or one text longer than the lead, must not leave both waiting for each other.
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let count = StreamedFileBuffer.lead / 60
        var oneLine = "{\"complaints\": ["
        for index in 0..<count {
            oneLine +=
                (index > 0 ? "," : "")
                + "{\"id\": \"C\(index)\", \"received_on\": \"2026-01-05\", \"channel\": \"email\"}"
        }
        oneLine += "]}"
        #expect(oneLine.utf8.count > StreamedFileBuffer.lead + InputReader.headSize)
        let minified = try fixture.load("minified.json", oneLine)
        #expect(minified.inputs.first?.records == count)
        #expect(minified.root["complaints"]?.items.last?.record?.id == "C\(count - 1)")

        let description = String(repeating: "The seal leaked again. ", count: StreamedFileBuffer.lead / 20)
        let longText = try fixture.load(
            "long.json", "{\"complaints\": [\n{\"id\": \"C1\", \"description\": \"\(description)\"}\n]}\n")
        #expect(
            longText.root["complaints"]?.items.first?.record?["description"]?.text?.utf8.count
                == description.trimmingCharacters(in: .whitespaces).utf8.count)
    }

    @Test func theDigestIsTheWholeFilesAndTheRecordsAreAllThere() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var text = "{\"complaints\": [\n"
        for index in 0..<40_000 {
            text +=
                (index > 0 ? ",\n" : "")
                + " {\"id\": \"C\(index)\", \"received_on\": \"2026-01-0\(index % 9 + 1)\", \"channel\": \"email\"}"
        }
        text += "\n]}\n"
        let path = try fixture.write("large.json", text)
        let loaded = try RecordLoader.load(path: path)
        #expect(loaded.inputs.first?.sha256 == (try InputReader(path: path).streamDigest()))
        #expect(loaded.inputs.first?.records == 40_000)
        let ids = loaded.root["complaints"]?.items.compactMap { $0.record?.id } ?? []
        #expect(ids.count == 40_000 && ids.first == "C0" && ids.last == "C39999")
    }
}
