import Foundation
import Testing
@testable import AuditKit

/// Hostile workbooks end in a clear error naming the file and the part, or a bounded, correct
/// result: zip bombs, unsafe entry paths, DOCTYPE and external entities, missing parts, sheets
/// past Excel's bounds, encrypted or old `.xls` files, files that are not workbooks.
@Suite struct HostileWorkbookTests {
    let sheet = WorkbookFixture.sheetXML(
        "<row r=\"1\">" + WorkbookFixture.text("A1", "id") + "</row><row r=\"2\">"
            + WorkbookFixture.text("A2", "CMP-1") + "</row>")

    @Test func aZipBombIsStoppedWhileItExpands() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        // 24 MB of spaces compress to a few kilobytes: far beyond any office file's ratio.
        let bomb =
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + String(repeating: " ", count: 24 << 20) + "</worksheet>"
        let path = try WorkbookFixture.write(WorkbookFixture.parts(sheet: bomb), in: fixture)
        let error = try #require(WorkbookFixture.loadError(path))
        #expect(error.file == "\(path) (xl/worksheets/sheet1.xml)")
        #expect(error.message.contains("zip bomb"))
        // The total of all parts is bounded too.
        let small = WorkbookFixture.loadError(path, limits: WorkbookLimits(partBytes: 1 << 20))
        #expect(small?.message.hasPrefix("the part expands to more than 1 MB") == true)
    }

    @Test(arguments: ["../outside.xml", "/etc/cron.d/job", "xl\\..\\evil.xml"])
    func anEntryLeavingTheArchiveIsRefused(_ entry: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try WorkbookFixture.write(WorkbookFixture.parts(sheet: sheet, extra: [(entry, "<x/>")]), in: fixture)
        let error = try #require(WorkbookFixture.loadError(path))
        #expect(error.file == path)
        #expect(error.message.contains("unsafe path"))
    }

    @Test(arguments: ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
    func aDoctypeInAnyPartIsRefused(_ part: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let secret = fixture.directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY leak SYSTEM \"file://\(secret.path)\">]>"
        var parts = WorkbookFixture.parts(
            sheet: sheet, extra: [("xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>")])
        let index = try #require(parts.firstIndex { $0.0 == part })
        let original = String(decoding: parts[index].1, as: UTF8.self)
        parts[index].1 = Data((doctype + original.replacingOccurrences(of: "CMP-1", with: "&leak;")).utf8)
        let path = try WorkbookFixture.write(parts, in: fixture)
        let error = try #require(WorkbookFixture.loadError(path))
        #expect(error.file == "\(path) (\(part))")
        #expect(error.message.contains("DOCTYPE"))
        #expect(!error.description.contains("TOP-SECRET"))
    }

    @Test func missingPartsAreNamed() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let noSheet = try WorkbookFixture.write(
            Array(WorkbookFixture.parts(sheet: sheet).prefix(3)), name: "a.xlsx", in: fixture)
        let error = try #require(WorkbookFixture.loadError(noSheet))
        #expect(
            error.description
                == "\(noSheet) (xl/worksheets/sheet1.xml): error: the workbook has no part xl/worksheets/sheet1.xml; it may be damaged, or not written by a spreadsheet program"
        )
        let noWorkbook = try WorkbookFixture.write(
            [("docProps/app.xml", Data("<a/>".utf8))], name: "b.xlsx", in: fixture)
        #expect(WorkbookFixture.loadError(noWorkbook)?.message.contains("has no xl/workbook.xml part") == true)
    }

    @Test func encryptedOldAndNonZipFilesSayWhatTheyAre() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let encrypted = try fixture.write(
            "protected.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        let message = try #require(WorkbookFixture.loadError(encrypted)).message
        #expect(message.hasPrefix("this is a password-protected workbook or an old Excel 97-2003 (.xls) file"))
        // Found by its first bytes whatever its name, through the loader every command uses.
        let renamed = try fixture.write(
            "registers.dat", bytes: [0xD0, 0xCF, 0x11, 0xE0] + Array(repeating: 0, count: 60))
        #expect(throws: RecordLoadError.self) { try RecordLoader.load(path: renamed) }
        let text = try fixture.write("notes.xlsx", "id;received_on\n")
        #expect(
            WorkbookFixture.loadError(text)?.message
                == "the file is not an Excel workbook (.xlsx): it is not a ZIP archive")
        let truncated = try fixture.write("cut.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        #expect(WorkbookFixture.loadError(truncated)?.message.contains("damaged") == true)
    }

    @Test func sheetsPastExcelsBoundsAreRefused() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let lastColumn = WorkbookFixture.sheetXML(
            "<row r=\"1\">" + WorkbookFixture.text("A1", "id") + WorkbookFixture.text("XFD1", "description")
                + "</row><row r=\"2\">" + WorkbookFixture.text("XFD2", "far right") + "</row>")
        let wide = try WorkbookFixture.write(WorkbookFixture.parts(sheet: lastColumn), name: "wide.xlsx", in: fixture)
        let set = try WorkbookLoader.load(path: wide)
        #expect(set.root["complaints"]?.items.first?.record?["description"] == .text("far right"))

        let beyond = WorkbookFixture.sheetXML("<row r=\"1\">" + WorkbookFixture.text("XFE1", "x") + "</row>")
        let tooWide = try WorkbookFixture.write(
            WorkbookFixture.parts(sheet: beyond), name: "too-wide.xlsx", in: fixture)
        #expect(WorkbookFixture.loadError(tooWide)?.message.contains("past column XFD") == true)

        let rows = WorkbookFixture.sheetXML(
            (1...6).map { "<row r=\"\($0)\">" + WorkbookFixture.text("A\($0)", "R\($0)") + "</row>" }.joined())
        let long = try WorkbookFixture.write(WorkbookFixture.parts(sheet: rows), name: "long.xlsx", in: fixture)
        let error = try #require(WorkbookFixture.loadError(long, limits: WorkbookLimits(rows: 5)))
        #expect(error.file == "\(long):complaints!A6")
        #expect(error.message.contains("past row 5"))
    }

    @Test func aSharedStringsTableOverTheLimitIsRefused() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let strings = "<sst>" + String(repeating: "<si><t>x</t></si>", count: 3) + "</sst>"
        let path = try WorkbookFixture.write(
            WorkbookFixture.parts(sheet: sheet, extra: [("xl/sharedStrings.xml", strings)]), in: fixture)
        let error = try #require(WorkbookFixture.loadError(path, limits: WorkbookLimits(sharedStrings: 2)))
        #expect(error.file == "\(path) (xl/sharedStrings.xml)")
        #expect(error.message.contains("more than 2 texts"))
    }

    @Test func malformedXMLInAPartIsAnErrorWithItsLine() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try WorkbookFixture.write(
            WorkbookFixture.parts(sheet: "<worksheet>\n<sheetData>\n<row></sheetData>"), in: fixture)
        let error = try #require(WorkbookFixture.loadError(path))
        #expect(error.file == "\(path) (xl/worksheets/sheet1.xml)")
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("the file is not valid XML"))
    }
}
