/// Small builders for the SpreadsheetML parts of a workbook (`auditready template`): package
/// parts, styles, worksheets, cells with inline strings, list validations. Every text goes
/// through ``XMLEscaping/escape(_:)``.
enum SpreadsheetML {
    static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Indexes into `cellXfs` of ``styles``.
    enum Style {
        static let date = 1
        static let header = 2
        static let wrapped = 3
    }

    static func contentTypes(sheets: Int) -> String {
        var xml =
            declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...sheets {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var xml =
            declaration + "<workbook xmlns=\"\(namespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
            + "<workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(XMLEscaping.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheets {
            xml +=
                "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        return xml
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Four cell formats: plain; ISO date (`yyyy-mm-dd`); bold header on a grey fill; wrapped text.
    static let styles =
        declaration + "<styleSheet xmlns=\"\(namespace)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E2F3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// A worksheet: column widths and styles, rows, list validations, the first row frozen.
    static func worksheet(columns: [String], rows: [String], validations: [String], frozenHeader: Bool) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(namespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if frozenHeader {
            xml +=
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columns.isEmpty { xml += "<cols>" + columns.joined() + "</cols>" }
        xml += "<sheetData>" + rows.joined() + "</sheetData>"
        if !validations.isEmpty {
            xml += "<dataValidations count=\"\(validations.count)\">" + validations.joined() + "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    static func column(_ index: Int, width: Double, style: Int?) -> String {
        "<col min=\"\(index)\" max=\"\(index)\" width=\"\(width)\" customWidth=\"1\""
            + (style.map { " style=\"\($0)\"" } ?? "") + "/>"
    }

    static func row(_ number: Int, _ cells: String) -> String { "<row r=\"\(number)\">\(cells)</row>" }

    static func textCell(column: Int, row: Int, _ text: String, style: Int? = nil) -> String {
        "<c r=\"\(CellReference.letters(column))\(row)\"" + (style.map { " s=\"\($0)\"" } ?? "")
            + " t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLEscaping.escape(text))</t></is></c>"
    }

    static func emptyCell(column: Int, row: Int, style: Int) -> String {
        "<c r=\"\(CellReference.letters(column))\(row)\" s=\"\(style)\"/>"
    }

    /// A drop-down of `values` on `range`, refusing anything else with a message.
    static func listValidation(range: String, values: [String]) -> String {
        "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"\(range)\">"
            + "<formula1>\"\(XMLEscaping.escape(values.joined(separator: ",")))\"</formula1></dataValidation>"
    }
}
