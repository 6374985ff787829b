/// Small builders for WordprocessingML markup (runs, paragraphs, table cells). Every text goes
/// through ``XMLEscaping/escape(_:)``, which also drops the characters XML 1.0 forbids; line breaks
/// and tabs in a text become `w:br` and `w:tab` so they survive in Word.
enum WordML {
    /// The WordprocessingML namespace, declared on every part's root element.
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// The relationships namespace (`r:id` on the footer reference).
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// How a run is formatted.
    struct RunStyle: Equatable {
        var bold = false
        /// Hex RGB such as `B3261E`.
        var colour: String?
        /// Character style id.
        var style: String?

        static let plain = RunStyle()
        static let strong = RunStyle(bold: true)
    }

    /// A run of `text`; an empty text gives no run.
    static func run(_ text: String, _ style: RunStyle = .plain) -> String {
        guard !text.isEmpty else { return "" }
        var properties = ""
        if let id = style.style { properties += "<w:rStyle w:val=\"\(id)\"/>" }
        if style.bold { properties += "<w:b/>" }
        if let colour = style.colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        var out = "<w:r>"
        if !properties.isEmpty { out += "<w:rPr>\(properties)</w:rPr>" }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "<w:br/>" }
            for (part, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if part > 0 { out += "<w:tab/>" }
                if !piece.isEmpty { out += "<w:t xml:space=\"preserve\">\(XMLEscaping.escape(String(piece)))</w:t>" }
            }
        }
        return out + "</w:r>"
    }

    /// A paragraph of the given runs, with a paragraph style and extra paragraph properties.
    static func paragraph(_ runs: String, style: String? = nil, properties: String = "") -> String {
        let styleElement = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let all = styleElement + properties
        return "<w:p>" + (all.isEmpty ? "" : "<w:pPr>\(all)</w:pPr>") + runs + "</w:p>"
    }

    /// A table cell holding one paragraph; `fill` shades it (hex RGB), `width` is in fiftieths of a percent.
    static func cell(
        _ runs: String, width: Int, fill: String? = nil, leftBorder: String? = nil,
        paragraphStyle: String = "TableText"
    ) -> String {
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"pct\"/>"
        if let leftBorder {
            properties +=
                "<w:tcBorders><w:left w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"\(leftBorder)\"/></w:tcBorders>"
        }
        if let fill { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>" + paragraph(runs, style: paragraphStyle) + "</w:tc>"
    }

    /// A full-width table in the bordered table style; `widths` are in fiftieths of a percent
    /// (5000 = the text width) and `header` rows repeat at the top of every page. A small empty
    /// paragraph follows, so that two tables in a row stay two tables and the body never ends
    /// with a table (Word requires a paragraph there).
    static func table(widths: [Int], rows: [String], style: String = "ReportTable") -> String {
        let textWidth = 9638  // A4 (11906 twips) less two 2 cm margins
        let grid = widths.map { "<w:gridCol w:w=\"\($0 * textWidth / 5000)\"/>" }.joined()
        return "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(style)\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
            + "</w:tblPr><w:tblGrid>\(grid)</w:tblGrid>" + rows.joined() + "</w:tbl>"
            + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"60\"/><w:rPr><w:sz w:val=\"8\"/></w:rPr></w:pPr></w:p>"
    }

    /// A table row of cells; a header row repeats on each page and is never split. Other rows
    /// may split: Word cuts off an unsplittable row taller than a page.
    static func row(_ cells: [String], header: Bool = false) -> String {
        (header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr>") + cells.joined() + "</w:tr>"
    }

    /// `count` column widths summing to the text width.
    static func equalWidths(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let width = 5000 / count
        return Array(repeating: width, count: count - 1) + [5000 - width * (count - 1)]
    }
}
