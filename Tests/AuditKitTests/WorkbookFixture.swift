import Foundation
import ZIPFoundation
@testable import AuditKit

/// Hand-made workbooks for the tests: minimal SpreadsheetML parts zipped by ZIPFoundation, and
/// the committed fixtures written by other programs (openpyxl, LibreOffice) in Fixtures/Workbooks.
enum WorkbookFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Workbooks")

    /// A committed fixture's path.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>
        """

    /// A workbook part listing `sheets` (name, hidden), with `sheet1.xml`… as their parts.
    static func workbookXML(_ sheets: [(String, Bool)], dates1904: Bool = false) -> String {
        var xml =
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + (dates1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml +=
                "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\""
                + (sheet.1 ? " state=\"hidden\"" : "") + "/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func relationships(sheets: Int) -> String {
        var xml = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...max(sheets, 1) {
            xml +=
                "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        return xml + "</Relationships>"
    }

    /// A worksheet whose rows are given as `(row, [(reference, cell XML inside <c>, attributes)])`.
    static func sheetXML(_ rows: String, tail: String = "") -> String {
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>\(tail)</worksheet>"
    }

    /// An inline-string cell.
    static func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }

    /// A one-sheet workbook `name` with `sheet` as its only sheet's XML.
    static func parts(sheetName: String = "complaints", sheet: String, extra: [(String, String)] = []) -> [(
        String, Data
    )] {
        [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("xl/workbook.xml", Data(workbookXML([(sheetName, false)]).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(relationships(sheets: 1).utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        ] + extra.map { ($0.0, Data($0.1.utf8)) }
    }

    /// Zips `parts` into `name` in `fixture`'s folder and returns the path.
    static func write(_ parts: [(String, Data)], name: String = "book.xlsx", in fixture: LoaderFixture) throws -> String
    {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let url = fixture.directory.appendingPathComponent(name)
        try archive.data!.write(to: url)
        return url.path
    }

    /// The error loading `path` gives, or nil when it loads.
    static func loadError(_ path: String, limits: WorkbookLimits = .standard) -> RecordLoadError? {
        do {
            _ = try WorkbookLoader.load(path: path, limits: limits)
            return nil
        } catch {
            return error
        }
    }
}
