/// The small fixed parts of a DOCX package (Open Packaging Conventions): content types,
/// relationships, the footer with page numbers, and the core and extended document properties.
enum DOCXPackageParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `[Content_Types].xml`: the media type of every part.
    static let contentTypes =
        declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>"

    /// `_rels/.rels`: the main document and the two property parts.
    static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// `word/_rels/document.xml.rels`: the styles and the footer; ``footerRelationship`` is the footer's id.
    static let documentRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"\(footerRelationship)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "</Relationships>"
    static let footerRelationship = "rId2"

    /// `word/footer1.xml`: "Page X of Y" with PAGE and NUMPAGES fields, which Word and LibreOffice
    /// fill in when they lay the document out.
    static func footer(_ language: DOCXLanguage) -> String {
        func field(_ instruction: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r><w:instrText xml:space=\"preserve\"> \(instruction) \\* MERGEFORMAT </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r><w:t>1</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        return declaration + "<w:ftr xmlns:w=\"\(WordML.namespace)\" xmlns:r=\"\(WordML.relationshipsNamespace)\">"
            + WordML.paragraph(
                WordML.run(language.page) + field("PAGE") + WordML.run(language.pageOf) + field("NUMPAGES"),
                style: "Footer")
            + "</w:ftr>"
    }

    /// `docProps/core.xml`: title, language and, when the audit date is known, that date as the
    /// creation and modification dates (never the clock, so identical reports give identical files).
    static func core(title: String, language: DOCXLanguage, creator: String, date: String?) -> String {
        var out =
            declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLEscaping.escape(title))</dc:title>"
            + "<dc:creator>\(XMLEscaping.escape(creator))</dc:creator>"
            + "<dc:language>\(language.tag)</dc:language>"
        if let date {
            out +=
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:created>"
                + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:modified>"
        }
        return out + "</cp:coreProperties>"
    }

    /// `docProps/app.xml`: the application that wrote the file.
    static func app(application: String) -> String {
        declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>\(XMLEscaping.escape(application))</Application>"
            + "</Properties>"
    }

    /// `word/document.xml`: the body, then an A4 portrait section with 2 cm margins and the footer.
    static func document(body: String) -> String {
        declaration
            + "<w:document xmlns:w=\"\(WordML.namespace)\" xmlns:r=\"\(WordML.relationshipsNamespace)\"><w:body>"
            + body
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footerRelationship)\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
    }
}
