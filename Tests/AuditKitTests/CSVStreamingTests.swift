import Foundation
import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

/// CSV registers are read a row at a time (``CSVRowReader``): an unterminated quote is an error
/// at the quote, pieces of the file may end anywhere, and echoed column names are cut short.
@Suite struct CSVStreamingTests {
    func csvError(_ text: String, name: String = "r.csv") throws -> RecordLoadError? {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write(name, text)
        do {
            _ = try CSVTable.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    /// Before, the quote opened on line 2 swallowed the rest of the file into one cell: two
    /// complaints in, one out, no error.
    @Test func anUnterminatedQuoteIsAnErrorAtItsOpeningQuote() throws {
        let error = try #require(try csvError("id;description;priority\nC1;\"Livré abîmé;high\nC2;ok;low\nC3;ok;low\n"))
        #expect(error.line == 2)
        #expect(error.column == 4)
        #expect(
            error.message
                == "a quoted value starts here and is never closed; add the closing quote (\"), or write a quote inside a value as two quotes (\"\")"
        )
        #expect(
            error.description.hasSuffix(
                "r.csv:2:4: error: a quoted value starts here and is never closed; add the closing quote (\"), or write a quote inside a value as two quotes (\"\")"
            ))
        // Columns count bytes, as for every input: "é" before the quote is two.
        let accented = try #require(try csvError("a;b\nRéf;\"x\n"))
        #expect(accented.line == 2 && accented.column == 6)
        // A quote inside an unquoted value is text, and a closed quoted value is fine.
        #expect(try csvError("a;b\n5\" pipe;\"ok \"\"quoted\"\"\"\n") == nil)
    }

    @Test func mappedLoadingStopsAtAnUnterminatedQuote() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("r.csv", "id;description\nC1;\"never closed\nC2;second\n")
        let mapping = try MappingReader.read(
            source: "collections:\n  complaints:\n    fields: {id: id, description: description}\n",
            path: "m.yml")
        #expect(throws: MappedLoader.LoadError.self) { try MappedLoader.load(paths: [path], mapping: mapping) }
        do {
            _ = try MappedLoader.load(paths: [path], mapping: mapping)
        } catch {
            #expect(error.description.hasPrefix("\(path):2:4: error: a quoted value starts here and is never closed"))
        }
    }

    /// Every byte of a piece boundary (CR LF, "" inside quotes, a multi-byte character) read in
    /// 1 to 7 byte pieces gives the same rows and lines as reading the file whole.
    @Test func rowsAndLinesDoNotDependOnWhereThePiecesOfTheFileEnd() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        // Past the 64 KB read at once, so the pieces start after the header.
        var text = "id;note;when\r\n"
        var expected: [(Int, [String])] = []
        var line = 2
        var n = 0
        while text.utf8.count < 66_000 {
            switch n % 4 {
            case 0:
                text += "R\(n);\"deux\r\nlignes \"\"é\"\"\";1\r\n"
                expected.append((line, ["R\(n)", "deux\r\nlignes \"é\"", "1"]))
                line += 2
            case 1:
                text += "R\(n);Réf ü;2\n"
                expected.append((line, ["R\(n)", "Réf ü", "2"]))
                line += 1
            case 2:
                text += "\r\n"
                line += 1
            default:
                text += "R\(n);;\r"
                expected.append((line, ["R\(n)", "", ""]))
                line += 1
            }
            n += 1
        }
        let path = try fixture.write("big.csv", text)
        for chunk in [1, 2, 3, 7] {
            var reader = try CSVRowReader(path: path, separator: nil, chunkSize: chunk)
            #expect(try reader.readHeader() == ["id", "note", "when"])
            var cells: [String] = []
            var rows: [(Int, [String])] = []
            while let start = try reader.nextDataRow(into: &cells, columns: 3) { rows.append((start, cells)) }
            #expect(rows.count == expected.count)
            #expect(rows.map(\.0) == expected.map(\.0), "chunk \(chunk)")
            #expect(rows.map(\.1) == expected.map(\.1), "chunk \(chunk)")
            #expect(reader.sha256 == (try InputReader(path: path).streamDigest()))
        }
    }

    /// Cells whose text is their field's value go from the row's bytes to the load's arena
    /// without becoming `String`s; the records are the ones the same rows read as text give
    /// (values, absent fields, locations), whatever the cells hold: quotes and doubled quotes,
    /// line breaks, separators, accents, blank and whitespace-only cells, spaces to trim,
    /// non-breaking spaces, code values, dates, splits and HTML.
    @Test func cellsHandedToTheArenaGiveTheRecordsOfTheirTexts() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let rows = [
            "Id;Reçu;Canal;Client;Description;Notes;Tags",
            "R1;15/03/2026;Courriel;  Hôtel du Lac  ;\"Deux lignes\r\nici; avec \"\"guillemets\"\"\";<p>a</p><p>b</p>;x, y",
            "R2;;courriel;\u{A0}Boulangerie\u{A0};\"   \";\t;",
            "",
            ";;;;;;",
            "\u{2003};\u{A0};;;;;",
            "R3;1/4/2026;Téléphone;\"\";Étiquettes illisibles sur le lot 4471;;a,,b",
            "  R-4 ;2026-04-02;Autre;日本語 😀;x\"y;\u{2003}note\u{2003};",
            "R5;31/02/2026"
        ]
        let path = try fixture.write("r.csv", rows.joined(separator: "\r\n") + "\r\n")
        let mapping = try MappingReader.read(
            source: """
                date_format: dd/mm/yyyy
                collections:
                  complaints:
                    file: r.csv
                    fields:
                      id: Id
                      received_on: Reçu
                      channel: {column: Canal, values: {Courriel: email, Téléphone: phone}}
                      complainant: Client
                      description: Description
                      investigation: {column: Notes, html: true}
                      category: {column: Tags, split: ","}
                      decision: {constant: none}
                """, path: "m.yml")
        let loaded = try MappedLoader.load(paths: [path], mapping: mapping)
        let records = try #require(loaded.root["complaints"]).items.compactMap(\.record)

        // The same rows read as text, through the path workbooks take.
        var reader = try CSVRowReader(path: path, separator: nil)
        let header = try reader.readHeader()
        var builder = try MappedRowBuilder(
            rule: mapping.collections[0], header: header, path: path, mapping: mapping, names: names)
        var cells: [String] = []
        var expected: [Record] = []
        while let line = try reader.nextDataRow(into: &cells, columns: header.count) {
            if let record = builder.record(cells: cells, location: SourceLocation(line: line, column: 1)) {
                expected.append(record)
            }
        }
        #expect(records == expected)
        #expect(records.map(\.location.line) == [2, 4, 8, 9, 10])
        #expect(records[0]["description"] == .text("Deux lignes\r\nici; avec \"guillemets\""))
        #expect(records[0]["complainant"] == .text("Hôtel du Lac"))
        #expect(records[1]["complainant"] == .text("Boulangerie"))
        #expect(records[1]["description"] == nil && records[1]["investigation"] == nil)
        #expect(records[1]["channel"] == .text("email"))
        #expect(records[2]["complainant"] == nil)
        #expect(records[3]["id"] == .text("R-4"))
        #expect(records[3]["complainant"] == .text("日本語 😀"))
        #expect(records[3]["description"] == .text("x\"y"))
        #expect(records[4]["received_on"] == .text("31/02/2026"))
        // The long verbatim texts are arena words, not `String`s kept beside the record.
        let position = try #require(
            (0..<records[2].fieldCount).first { records[2].fieldName(at: $0) == "description" })
        #expect(records[2].textWord(at: position).map(CompactText.tag) == .arenaBytes)
    }

    /// A missing column names the header's columns: each cut to 100 characters, 20 at most.
    @Test func aMissingColumnEchoesTheHeaderCutShort() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let long = String(repeating: "x", count: 5_000)
        let header = ([long] + (1...30).map { "c\($0)" }).joined(separator: ";")
        let path = try fixture.write("r.csv", header + "\n" + String(repeating: "1;", count: 30) + "1\n")
        let mapping = try MappingReader.read(
            source: "collections:\n  complaints:\n    fields: {id: Numéro de réclamation client}\n",
            path: "m.yml")
        do {
            _ = try MappedLoader.load(paths: [path], mapping: mapping)
            Issue.record("expected an error")
        } catch {
            let message = error.description
            #expect(message.count < 600, "\(message.count)")
            #expect(message.contains("'" + String(repeating: "x", count: 99) + "…'"))
            #expect(message.hasSuffix("and 11 more"))
        }
    }
}
