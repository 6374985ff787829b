import Foundation
import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

/// A large export is held in memory while it is checked, so records are kept compact: field
/// names and values in columns shared by the records written alike, and repeated long texts
/// stored once. None of it may change what a report says.
@Suite struct CompactRecordTests {
    @Test func aRecordIsARowOfItsShapeAndATextFieldFourBytesInIt() throws {
        // 3.6 million fields at 100,000 complaints: 4 bytes more each is 14 MB. A record is its
        // shape and its row, with no heap block of its own; a text field is a four-byte word in
        // the shape's columns, the names are in the shape, long texts in the arena.
        #expect(MemoryLayout<Record>.stride <= 16 && MemoryLayout<Value>.stride <= 24)
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let complaints = (1...300).map { n in
            #"{"id": "CMP-\#(n)", "received_on": "2026-01-05", "channel": "email", "priority": "low", "description": "Bore out of tolerance \#(n)"}"#
        }
        let loaded = try fixture.load("many.json", "{\"complaints\": [\(complaints.joined(separator: ",\n"))]}")
        let records = loaded.root["complaints"]?.items.compactMap(\.record) ?? []
        let record = try #require(records.first)
        #expect(record.shape.wordCount == 5 && record.shape.otherCount == 0, "five texts, five words")
        let tags = (0..<record.fieldCount).map { record.textWord(at: $0).map(CompactText.tag) }
        #expect(tags == [.arenaBytes, .dateLike, .arenaBytes, .short, .arenaBytes])
        #expect(records.allSatisfy { $0.shape === record.shape }, "written alike: one shape")
        #expect(record.shape.rows.pointee.count == 300, "a row each in the shape's columns")
        #expect(records.map(\.row) == (0..<300).map(UInt32.init))
        #expect(records[299]["description"]?.text == "Bore out of tolerance 300" && records[299].location.line == 300)
    }

    @Test func aLoadsRecordWithoutFieldsGetsARowOfItsLoadNotOfTheSharedEmptyShape() {
        // The shape with no fields is shared by every load and thread: no load may add to it.
        var shapes: RecordShapeTable? = RecordShapeTable(names: names)
        let rowsBefore = RecordShape.empty.rows.pointee.count
        let none = UnsafeMutableBufferPointer<Record.Field>.allocate(capacity: 0)
        defer { none.deallocate() }
        let first = Record(moving: none, location: SourceLocation(line: 3, column: 1), shapes: &shapes)
        let second = Record(moving: none, location: SourceLocation(line: 4, column: 1), shapes: &shapes)
        #expect(RecordShape.empty.rows.pointee.count == rowsBefore)
        #expect(first.shape !== RecordShape.empty && first.shape === second.shape)
        #expect(first.fieldCount == 0 && first.location.line == 3 && second.location.line == 4)
        #expect(
            Record() == Record(names: names, fields: [], location: .unknown) && Record().shape === RecordShape.empty)
    }

    @Test func recordsWrittenAlikeShareOneShapeInBothSpellings() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let xml = """
            <records><complaints>
            <complaint id="C1"><received_on>2026-01-05</received_on><channel>email</channel></complaint>
            <complaint id="C2"><received_on>2026-01-06</received_on><channel>phone</channel></complaint>
            <complaint id="C3"><received_on>2026-01-07</received_on></complaint>
            <complaint id="C4"><received_on>2026-01-08</received_on><channel>web</channel></complaint>
            </complaints></records>
            """
        let json = """
            {"complaints": [
             {"id": "C1", "received_on": "2026-01-05", "channel": "email"},
             {"id": "C2", "received_on": "2026-01-06", "channel": "phone"},
             {"id": "C3", "received_on": "2026-01-07"},
             {"id": "C4", "received_on": "2026-01-08", "channel": "web"}
            ]}
            """
        for (name, text) in [("alike.xml", xml), ("alike.json", json)] {
            let complaints = try #require(try fixture.load(name, text).root["complaints"]?.items.compactMap(\.record))
            #expect(complaints.map(\.id) == ["C1", "C2", "C3", "C4"], "\(name)")
            #expect(complaints[0].shape === complaints[1].shape, "\(name): written alike, one shape")
            #expect(
                complaints[1].shape === complaints[3].shape, "\(name): shared again after a record without 'channel'")
            #expect(complaints[2].shape !== complaints[0].shape, "\(name): a record without 'channel' has its own")
            #expect(complaints[2]["channel"] == nil && complaints[3]["channel"]?.text == "web", "\(name)")
            #expect(
                complaints.map { $0["received_on"]?.text } == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"])
        }
    }

    @Test func everyTextComesBackExactlyAsWrittenHoweverItIsKept() throws {
        let texts = [
            "a", "ok", "open", "C-000123", "12345678", "a\u{0}b", "ab\u{0}", "\u{0}",  // short, or not (ends in NUL)
            "2026-03-01", "2026-02-30", "0000-00-00", "9999-19-39", "1970-01-01",  // written like a date
            "2026-3-01", "2026/03/01", "2026-03-0x", "2026-03-01 ", "20260301", "2026-03-:1",  // not quite
            "C-0001234", "123456789", "15 characters!!", "sixteen chars ok",  // too long for a word
            "été", "日付", "réclamation n°7", "a long text that stays a string in the record"  // not ASCII, long
        ]
        let arena = TextArena()
        for text in texts {
            if let word = CompactText.word(text) {
                #expect(CompactText.text(word) == text, "\(text)")
            }
            #expect(arena.text(arena.word(text, field: names.name("text"))) == text, "\(text)")
        }
        #expect(CompactText.word("2026-03-01").map(CompactText.tag) == .dateLike)
        #expect(CompactText.word("P07").map(CompactText.tag) == .short && CompactText.word("open") != nil)
        #expect(
            CompactText.word("C-000123") == nil && CompactText.word("ab\u{0}") == nil && CompactText.word("été") == nil)
        #expect(CompactText.word("").map(CompactText.text) == "", "an empty text is a word too")
        // Long texts: a length past one byte, past a page's share, and past the largest page.
        for count in [127, 128, 300, 16_383, 16_384, 70_000, 2_000_000] {
            let text = String(repeating: "é", count: count / 2) + (count % 2 == 1 ? "x" : "")
            #expect(arena.text(arena.word(text, field: names.name("text"))) == text, "\(count) bytes")
        }

        // The same field holding texts kept in different ways, record after record, as an
        // export's loaders build them.
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let items = texts.enumerated().map { index, text in
            "{\"id\": \"C\(index)\", \"closed_on\": \(JSONEscaping.quoted(text)), \"owner\": \(JSONEscaping.quoted(String(text.reversed())))}"
        }
        let loaded = try fixture.load("kinds.json", "{\"complaints\": [\n" + items.joined(separator: ",\n") + "\n]}")
        let records = loaded.root["complaints"]?.items.compactMap(\.record) ?? []
        #expect(records.count == texts.count)
        for (record, text) in zip(records, texts) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            #expect(record["closed_on"]?.text == (trimmed.isEmpty ? nil : trimmed), "\(text)")
            #expect(record["owner"]?.text == String(text.reversed()).trimmingCharacters(in: .whitespaces), "\(text)")
            #expect(
                record == Record(fields: record.fields, names: try #require(record.names), location: record.location),
                "\(text)")
        }
    }

    /// A date read from a record's word is the date its text parses as, real day or not: leap
    /// days, year 0, months 0 and 13, days 0 and 32.
    @Test func aDateReadFromItsWordIsTheDateItsTextParsesAs() {
        var compared = 0
        for year in ["0000", "0001", "1900", "1999", "2000", "2023", "2024", "2100", "3999"] {
            for month in ["00", "01", "02", "04", "09", "12", "13", "19"] {
                for day in ["00", "01", "28", "29", "30", "31", "32", "39"] {
                    let text = "\(year)-\(month)-\(day)"
                    guard let word = CompactText.word(text), CompactText.tag(word) == .dateLike else {
                        Issue.record("\(text) is not kept as a date-like word")
                        continue
                    }
                    #expect(CompactText.date(word) == CalendarDate.parse(text), "\(text)")
                    compared += 1
                }
            }
        }
        #expect(compared == 9 * 8 * 8)
    }

    @Test func presenceReadFromTheRecordAgreesWithTheValue() throws {
        // `x.f is present` is answered from the stored word when it can be; whenever it is, the
        // answer must be the one the value itself gives.
        let texts = ["", " ", "\t", "a", "  x", "été", "2026-03-01", "open", "a long text past fifteen bytes", "\u{A0}"]
        var table: RecordShapeTable? = RecordShapeTable(names: names)
        for text in texts {
            let fields = [
                Record.Field(name: names.name("f"), value: .text(text)),
                Record.Field(name: names.name("l"), value: .list([]))
            ]
            let copy = UnsafeMutableBufferPointer<Record.Field>.allocate(capacity: 2)
            defer { copy.deallocate() }
            _ = copy.initialize(from: fields)
            let inArena = Record(moving: copy, location: .unknown, shapes: &table)
            for record in [inArena, Record(names: names, fields: fields)] {
                for name in ["f", "l", "missing"] {
                    var hint = 0
                    let expected = RuntimeValue(record[name]).isPresent
                    if let answer = record.presence(of: names.name(name), hint: &hint) {
                        #expect(answer == expected, "\(name) = \(text.debugDescription)")
                    }
                }
            }
            var hint = 0
            #expect(
                inArena.presence(of: names.name("missing"), hint: &hint) == false, "absent: answered from the shape")
            if let first = text.unicodeScalars.first, first.isASCII, first.value > 0x20 {
                #expect(inArena.presence(of: names.name("f"), hint: &hint) == true, "\(text): answered from the word")
            }
        }
    }

    @Test func fieldsOfEveryKindKeepTheirOrderAndValues() {
        let group = Record(names: names, fields: [Record.Field(name: names.name("name"), value: .text("Quality"))])
        let fields = [
            Record.Field(name: .id, value: .text("P1")),
            Record.Field(name: names.name("inputs"), value: .list([.text("orders"), .text("drawings")])),
            Record.Field(name: names.name("title"), value: .text("Design")),
            Record.Field(name: names.name("owner"), value: .record(group)),
            Record.Field(name: names.name("status"), value: .text("approved"))
        ]
        var record = Record(names: names, fields: fields, location: SourceLocation(line: 4, column: 2))
        #expect(record.fields == fields, "texts, lists and groups come back in export order")
        #expect(record.fieldCount == 5)
        #expect((0..<5).map { record.name(at: $0) } == fields.map(\.name))
        #expect(record["inputs"] == .list([.text("orders"), .text("drawings")]))
        #expect(record["owner"]?.record?["name"]?.text == "Quality")
        #expect(record["status"]?.text == "approved")
        #expect(record["missing"] == nil)

        // Records are values: changing one leaves its copies as they were.
        let before = record
        record.fields.append(Record.Field(name: names.name("version"), value: .text("3")))
        record.fields[0].value = .text("P2")
        #expect(record["version"]?.text == "3" && record.id == "P2")
        #expect(before.id == "P1" && before["version"] == nil && before.fields == fields)
        #expect(record != before)
        #expect(Record(names: names, fields: record.fields, location: record.location) == record)
    }

    @Test func everyLocationComesBackExactlyHoweverLarge() {
        let locations = [
            SourceLocation(file: 0, line: 1, column: 1),
            SourceLocation(file: 3, line: 2_500_000, column: 40),
            SourceLocation(file: 4_095, line: (1 << 26) - 1, column: (1 << 25) - 1),
            // A record far into a minified JSON file: one line, a huge column.
            SourceLocation(file: 0, line: 1, column: 300_000_000),
            SourceLocation(file: 0, line: 90_000_000, column: 7),
            SourceLocation(file: 5_000, line: 12, column: 3),
            SourceLocation(file: 2, line: Int(Int32.max), column: Int(Int32.max)),
            .unknown
        ]
        for location in locations {
            #expect(Record(names: names, fields: [], location: location).location == location)
        }
        var record = Record(names: names, fields: [], location: SourceLocation(file: 4_095, line: 9, column: 2))
        record.location.file += 1  // as merging a second export does
        #expect(record.location == SourceLocation(file: 4_096, line: 9, column: 2))
    }

    @Test func recordsCompareByTheirLocationNotByHowItIsStored() {
        let far = SourceLocation(file: 0, line: 1, column: 300_000_000)
        let fields = [Record.Field(name: names.name("id"), value: .text("C1"))]
        #expect(
            Record(names: names, fields: fields, location: far) == Record(names: names, fields: fields, location: far))
        #expect(
            Record(names: names, fields: fields, location: far)
                != Record(names: names, fields: fields, location: SourceLocation(line: 1, column: 2)))
    }

    @Test func repeatedLongTextsAreStoredOnceInBothSpellings() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let decision = "Replacement parts shipped at our cost"
        var xml = "<records><complaints>"
        var json = "{\"complaints\": ["
        for index in 0..<3 {
            xml +=
                "<complaint id=\"C\(index)\"><decision>\(decision)</decision><product>Valve body VB-\(index) (lot 000000\(index))</product></complaint>"
            json +=
                (index > 0 ? "," : "")
                + "{\"id\": \"C\(index)\", \"decision\": \"\(decision)\", \"product\": \"Valve body VB-\(index) (lot 000000\(index))\"}"
        }
        xml += "</complaints></records>"
        json += "]}"
        for (name, text) in [("shared.xml", xml), ("shared.json", json)] {
            let loaded = try fixture.load(name, text)
            let complaints = try #require(loaded.root["complaints"]?.items.compactMap { $0.record })
            #expect(complaints.count == 3)
            let decisions = complaints.compactMap { $0["decision"]?.text }
            #expect(decisions == Array(repeating: decision, count: 3), "\(name)")
            let words = complaints.map { complaint in
                (0..<complaint.fieldCount).first { complaint.fieldName(at: $0) == "decision" }
                    .flatMap(complaint.textWord(at:))
            }
            #expect(Set(words).count == 1 && words[0] != nil, "\(name): the repeated decision is stored once")
            let products = complaints.compactMap { $0["product"]?.text }
            #expect(products == (0..<3).map { "Valve body VB-\($0) (lot 000000\($0))" }, "\(name)")
        }
    }

    @Test func theIdIndexFindsEveryRecordAndCountsRepeatedIds() {
        // 5,000 records: ids C0…C4999, with C7 written three times and one record without an id.
        var items: [Value] = (0..<5_000).map { index in
            .record(
                Record(
                    names: names, fields: [Record.Field(name: .id, value: .text("C\(index)"))],
                    location: SourceLocation(line: index + 1, column: 1)))
        }
        items.append(
            .record(
                Record(
                    names: names, fields: [Record.Field(name: .id, value: .text("C7"))],
                    location: SourceLocation(line: 9_001, column: 1))))
        items.append(
            .record(
                Record(
                    names: names, fields: [Record.Field(name: .id, value: .text("C7"))],
                    location: SourceLocation(line: 9_002, column: 1))))
        items.append(
            .record(Record(names: names, fields: [Record.Field(name: names.name("title"), value: .text("no id"))])))
        // The same id spelled with a composed and a decomposed é is one id, as everywhere else.
        items.append(
            .record(
                Record(
                    names: names, fields: [Record.Field(name: .id, value: .text("R\u{E9}F-1"))],
                    location: SourceLocation(line: 9_003, column: 1))))
        items.append(
            .record(
                Record(
                    names: names, fields: [Record.Field(name: .id, value: .text("Re\u{301}F-1"))],
                    location: SourceLocation(line: 9_004, column: 1))))
        let root = Record(names: names, fields: [Record.Field(name: names.name("complaints"), value: .list(items))])
        let environment = EvaluationEnvironment(
            root: root, auditDate: CalendarDate.parse("2026-11-15")!, parameters: [:])
        let index = environment.index(of: "complaints")
        for number in stride(from: 0, to: 5_000, by: 7) where number != 7 {
            #expect(index.count("C\(number)") == 1)
            #expect(index.record("C\(number)")?.location.line == Int32(number + 1))
        }
        #expect(index.count("C7") == 3)
        #expect(index.record("C7")?.location.line == 8, "the first record with the id")
        #expect(index.count("C5000") == 0)
        #expect(index.record("C5000") == nil)
        #expect(index.count("") == 0)
        #expect(index.count("RÉF-1") == 0)
        #expect(index.count("R\u{E9}F-1") == 2)
        #expect(environment.index(of: "orders").count("C1") == 0, "a collection the export does not have")
    }
}
