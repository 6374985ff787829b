/// `word/styles.xml`: the styles a DOCX report uses, defined in full so Word, LibreOffice and
/// python-docx show the same thing. Arial 10 pt body (Liberation Sans, metric-compatible, on
/// Linux), Word's built-in Heading 1–3 (style ids `Heading1`…, names `heading 1`…, outline levels
/// 0–2, so the navigation pane and a table of contents find them), a bordered table style, and
/// the report's language on every run through the document defaults.
enum DOCXStyles {
    static func xml(languageTag: String) -> String {
        let font = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C4C9D0\""
        func heading(_ level: Int, size: Int, before: Int, colour: String) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
                + "<w:rPr><w:b/><w:color w:val=\"\(colour)\"/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(WordML.namespace)">\
            <w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val="20"/><w:szCs w:val="20"/>\
            <w:lang w:val="\(languageTag)" w:eastAsia="\(languageTag)" w:bidi="\(languageTag)"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(heading(1, size: 32, before: 0, colour: "1B1F24"))\
            \(heading(2, size: 26, before: 360, colour: "1F3A5F"))\
            \(heading(3, size: 22, before: 240, colour: "1B1F24"))\
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="Verdict"><w:name w:val="Verdict"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="120" w:after="120"/><w:ind w:left="144" w:right="144"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="NumberText"><w:name w:val="Number Text"/><w:basedOn w:val="TableText"/>\
            <w:pPr><w:jc w:val="right"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="BarText"><w:name w:val="Bar Text"/><w:basedOn w:val="TableText"/>\
            <w:rPr><w:sz w:val="14"/><w:szCs w:val="14"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="5B6470"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>\
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            <w:style w:type="table" w:customStyle="1" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/>\
            <w:pPr><w:spacing w:after="0"/></w:pPr>\
            <w:tblPr><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>\
            <w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>\
            <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """
    }
}
