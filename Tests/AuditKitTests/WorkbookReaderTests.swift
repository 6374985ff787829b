import Foundation
import Testing
@testable import AuditKit

/// Workbooks laid out like the records contract are read without a mapping, whoever wrote them
/// (openpyxl, LibreOffice): every kind of cell, merged cells, hidden sheets, both date systems.
@Suite struct WorkbookReaderTests {
    func records(_ set: RecordSet, _ collection: String) -> [Record] {
        set.root[collection]?.items.compactMap(\.record) ?? []
    }

    func text(_ record: Record?, _ field: String) -> String? {
        if case .text(let text)? = record?[field] { return text }
        return nil
    }

    @Test(arguments: ["contract-layout.xlsx", "contract-layout-libreoffice.xlsx"])
    func aContractLayoutWorkbookIsReadWithoutAMapping(_ name: String) throws {
        let set = try RecordLoader.load(path: WorkbookFixture.path(name))
        let organisation = try #require(set.root["organisation"]?.record)
        #expect(text(organisation, "name") == "Acme Widgets Ltd")
        #expect(organisation["standards"] == .list([.text("ISO 9001:2015"), .text("ISO 10002:2018")]))

        let complaints = records(set, "complaints")
        #expect(complaints.count == 3)  // the styled empty rows at the end give no record
        #expect(text(complaints[0], "id") == "CMP-1")
        #expect(text(complaints[0], "received_on") == "2026-01-05")  // custom format dd/mm/yyyy
        #expect(text(complaints[0], "acknowledged_on") == "2026-01-06")
        #expect(text(complaints[0], "closed_on") == "2026-01-20T09:30:00")  // date and time
        #expect(text(complaints[0], "safety_related") == "true")
        #expect(text(complaints[1], "safety_related") == "false")
        #expect(text(complaints[0], "satisfaction_score") == "4")
        #expect(text(complaints[1], "satisfaction_score") == "3.5")
        #expect(complaints[1]["acknowledged_on"] == nil)
        #expect(text(complaints[2], "description") == "Invoice & delivery note disagree <twice>")

        let nonconformities = records(set, "nonconformities")
        // built-in format 14
        #expect(nonconformities.map { text($0, "raised_on") } == ["2026-01-08", "2026-01-09", "2026-01-10"])
        #expect(text(nonconformities[1], "owner") == "P-1")  // from the merged range D2:D3
        #expect(text(nonconformities[0], "effective") == "true")
        #expect(set.root["risks"] == nil)  // hidden

        // One input per sheet read, each pointing at its cells.
        #expect(set.inputs.map(\.sheet) == ["organisation", "complaints", "nonconformities"])
        #expect(set.inputs.allSatisfy { $0.format == .xlsx && $0.sha256.count == 64 })
        let location = complaints[1].location
        let place = set.inputs[Int(location.file)].location(line: Int(location.line), column: Int(location.column))
        #expect(place.file == WorkbookFixture.path(name))
        #expect(place.sheet == "complaints" && place.cell == "A3" && place.line == nil)
        #expect(place.described(in: .en) == WorkbookFixture.path(name) + ", sheet complaints, cell A3")
        #expect(place.described(in: .fr) == WorkbookFixture.path(name) + ", feuille complaints, cellule A3")

        let notes = set.violations.map {
            "\($0.kind.rawValue) \($0.file.split(separator: "/").last ?? ""):\($0.sheet ?? "")"
        }
        #expect(notes.contains("ignored-sheet \(name):risks"))
        #expect(notes.contains("ignored-sheet \(name):Notes"))
    }

    /// openpyxl writes formulas without calculating them; LibreOffice saves the value it calculated.
    @Test func aFormulaIsReadFromItsCachedValueAndWithoutOneIsANote() throws {
        let openpyxl = try RecordLoader.load(path: WorkbookFixture.path("contract-layout.xlsx"))
        #expect(records(openpyxl, "nonconformities")[2]["due_on"] == nil)
        let note = try #require(openpyxl.violations.first { $0.kind == .unreadCell })
        #expect(note.file == WorkbookFixture.path("contract-layout.xlsx"))
        #expect(note.sheet == "nonconformities" && note.cell == "E4" && note.line == 0)
        #expect(
            note.description.hasPrefix(WorkbookFixture.path("contract-layout.xlsx") + ":nonconformities!E4: error:"))
        #expect(note.message.contains("formula that was never calculated"))

        let libreoffice = try RecordLoader.load(path: WorkbookFixture.path("contract-layout-libreoffice.xlsx"))
        #expect(text(records(libreoffice, "nonconformities")[2], "due_on") == "2026-02-09")
        #expect(!libreoffice.violations.contains { $0.kind == .unreadCell })
    }

    @Test func theDateSystemOf1904IsRead() throws {
        let set = try RecordLoader.load(path: WorkbookFixture.path("dates-1904.xlsx"))
        #expect(text(records(set, "complaints").first, "received_on") == "2026-03-15")
    }

    @Test func serialDatesFollowExcelsCalendar() {
        #expect(ExcelDate.iso(1, kind: .date, dates1904: false) == "1900-01-01")
        #expect(ExcelDate.iso(59, kind: .date, dates1904: false) == "1900-02-28")
        #expect(ExcelDate.iso(60, kind: .date, dates1904: false) == nil)  // 29 February 1900 never was
        #expect(ExcelDate.iso(61, kind: .date, dates1904: false) == "1900-03-01")
        #expect(ExcelDate.iso(45658, kind: .date, dates1904: false) == "2025-01-01")
        #expect(ExcelDate.iso(45658.5, kind: .dateTime, dates1904: false) == "2025-01-01T12:00:00")
        #expect(ExcelDate.iso(45658.5, kind: .date, dates1904: false) == "2025-01-01")
        #expect(ExcelDate.iso(0.75, kind: .time, dates1904: false) == "18:00:00")
        #expect(ExcelDate.iso(0, kind: .date, dates1904: true) == "1904-01-01")
        #expect(ExcelDate.iso(45658 - 1462, kind: .date, dates1904: true) == "2025-01-01")
        #expect(ExcelDate.iso(-1, kind: .date, dates1904: false) == nil)
    }

    @Test func numberFormatsTellDatesFromNumbers() {
        #expect(CellStyles.kind(ofBuiltIn: 14) == .date)
        #expect(CellStyles.kind(ofBuiltIn: 22) == .dateTime)
        #expect(CellStyles.kind(ofBuiltIn: 2) == .number)
        #expect(CellStyles.kind(ofCode: "dd/mm/yyyy") == .date)
        #expect(CellStyles.kind(ofCode: "[$-40C]d mmmm yyyy;@") == .date)
        #expect(CellStyles.kind(ofCode: "yyyy-mm-dd hh:mm") == .dateTime)
        #expect(CellStyles.kind(ofCode: "0.00\" days\"") == .number)
        #expect(CellStyles.kind(ofCode: "#,##0 [$€-1]") == .number)
        #expect(CellStyles.kind(ofCode: "General") == .number)
    }

    @Test func cellReferencesRoundTrip() {
        #expect(CellReference("C12") == CellReference(column: 3, row: 12))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
        #expect(CellReference.letters(16_384) == "XFD")
        #expect(CellReference.letters(27) == "AA")
        #expect(CellReference("12C") == nil)
        #expect(CellReference("ABCD1") == nil)
    }

    @Test func sharedStringsRichTextAndNumbersAreRead() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let strings = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si>\
            <si><r><t>CMP-</t></r><r><rPr><b/></rPr><t>9</t></r><rPh><t>ignored</t></rPh></si><si><t>description</t></si></sst>
            """
        let sheet = WorkbookFixture.sheetXML(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>charge</t></is></c></row>\
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="str"><f>A2</f><v>cached text</v></c><c r="C2"><v>0.30000000000000004</v></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>CMP-10</t></is></c><c r="B3" t="e"><v>#N/A</v></c></row>
            """)
        var parts = WorkbookFixture.parts(sheet: sheet, extra: [("xl/sharedStrings.xml", strings)])
        parts[2].1 = Data(
            (WorkbookFixture.relationships(sheets: 1).replacingOccurrences(of: "</Relationships>", with: "")
                + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>")
                .utf8)
        let path = try WorkbookFixture.write(parts, in: fixture)
        let set = try WorkbookLoader.load(path: path)
        let complaints = records(set, "complaints")
        #expect(text(complaints[0], "id") == "CMP-9")
        #expect(text(complaints[0], "description") == "cached text")
        #expect(text(complaints[0], "charge") == "0.3")
        #expect(complaints[1]["description"] == nil)
        let note = try #require(set.violations.first)
        #expect(note.description == "\(path):complaints!B3: error: the cell shows the error #N/A instead of a value")
    }
}
