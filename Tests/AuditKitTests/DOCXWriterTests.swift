import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import AuditKit

/// The DOCX report: a valid WordprocessingML package, identical bytes for identical reports, the
/// report's language, hostile record text kept as text, and python-docx (a reader auditready did
/// not write) finding the headings, tables, page numbers and title.
@Suite struct DOCXWriterTests {
    static func docx(_ report: AuditReport) throws -> Data {
        var bytes: [UInt8] = []
        try DOCXReportRenderer().rendered(report).write { bytes.append(contentsOf: $0) }
        return Data(bytes)
    }

    /// The package's parts by path, in stored order, with each entry's date and compression.
    static func parts(_ data: Data) throws -> [(path: String, text: String, date: Date, compressed: Bool)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (
                entry.path, String(decoding: bytes, as: UTF8.self),
                entry.fileAttributes[.modificationDate] as? Date ?? .distantPast,
                entry.isCompressed
            )
        }
    }

    static func text(_ part: String, in data: Data) throws -> String {
        try #require(try parts(data).first { $0.path == part }).text
    }

    /// The XML parses; its character data, concatenated.
    static func parsedText(_ xml: String) -> (ok: Bool, text: String, elements: [String]) {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector.text, collector.elements)
    }

    @Test(arguments: Language.allCases)
    func identicalReportsGiveIdenticalBytes(_ language: Language) throws {
        let first = try Self.docx(ReportFixtures.report(language: language))
        let second = try Self.docx(ReportFixtures.report(language: language))
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP file")
    }

    @Test func aMinimalPackageInAFixedOrderDatedTheAuditDate() throws {
        let parts = try Self.parts(try Self.docx(ReportFixtures.report()))
        #expect(
            parts.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"
            ])
        let auditDay = Date(timeIntervalSince1970: TimeInterval(ReportFixtures.auditDate.day) * 86_400)
        for part in parts {
            #expect(part.date == auditDay, "\(part.path) dated \(part.date)")
            #expect(part.compressed, "\(part.path)")
            #expect(Self.parsedText(part.text).ok, "\(part.path) is not well-formed XML")
        }
        let core = try #require(parts.first { $0.path == "docProps/core.xml" }).text
        #expect(core.contains("<dc:title>Audit readiness report: Certification audit (stage 2)</dc:title>"))
        #expect(core.contains("<dc:language>en-GB</dc:language>"))
        #expect(core.contains("2026-11-15T00:00:00Z"))
    }

    @Test func headingsUseWordsHeadingStylesAndTablesRepeatTheirHeader() throws {
        let document = DOCXReportRenderer().render(ReportFixtures.report())
        #expect(
            document.contains(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Audit readiness report"))
        #expect(document.components(separatedBy: "w:val=\"Heading2\"").count > 5)
        #expect(
            document.contains(
                "<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1. ISO 9001:2015 9.2.1 · Q44-internal-audit-done"
            ))
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains("IA-2026-01"), "a finding's record")
        let styles = try Self.text("word/styles.xml", in: try Self.docx(ReportFixtures.report()))
        for level in 1...3 {
            #expect(styles.contains("w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"))
            #expect(styles.contains("<w:outlineLvl w:val=\"\(level - 1)\"/>"))
        }
        #expect(styles.contains("<w:lang w:val=\"en-GB\""))
    }

    @Test func frenchReportIsTaggedFrenchWithFrenchPageNumbers() throws {
        let data = try Self.docx(ReportFixtures.report(language: .fr))
        let footer = try Self.text("word/footer1.xml", in: data)
        #expect(footer.contains(">Page </w:t>") && footer.contains("> sur </w:t>"))
        #expect(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "))
        #expect(try Self.text("word/styles.xml", in: data).contains("<w:lang w:val=\"fr-FR\""))
        #expect(try Self.text("docProps/core.xml", in: data).contains("<dc:language>fr-FR</dc:language>"))
        #expect(try Self.text("word/document.xml", in: data).contains("Rapport de préparation à l&apos;audit"))
        let english = try Self.text("word/footer1.xml", in: try Self.docx(ReportFixtures.report()))
        #expect(english.contains("> of </w:t>"))
    }

    /// Every kind of block carrying markup, CDATA ends, control characters, line breaks and a
    /// 100 kB string.
    static func hostileDocument() -> ReportDocument {
        let hostile =
            ReportFixtures.hostileText + " \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}\u{FFFE} & <w:p> ]]> \r\n\ttabbed"
        let long = String(repeating: "0123456789", count: 10_000)
        var document = ReportDocument(ReportFixtures.hostileReport())
        document.title = hostile
        document.blocks += [
            .heading(level: 2, text: hostile, anchor: "x\"><"),
            .paragraph(hostile + long),
            .verdict(hostile, .bad),
            .facts([(hostile, long)]),
            .table(header: [hostile, "b"], rows: [[long, hostile], [hostile]], tones: [.warning]),
            .bars(
                title: hostile,
                bars: [.init(label: hostile, percent: 250, detail: long), .init(label: "", percent: nil, detail: "")]),
            .statement(title: hostile, grade: .major, lines: [(hostile, long)])
        ]
        return document
    }

    @Test func hostileTextStaysTextAndThePackageStaysValid() throws {
        let data = try DOCXWriter(Self.hostileDocument(), date: "2026-11-15").data()
        for part in try Self.parts(data) {
            #expect(Self.parsedText(part.text).ok, "\(part.path) is not well-formed XML")
        }
        let document = try Self.text("word/document.xml", in: data)
        let parsed = Self.parsedText(document)
        #expect(parsed.ok)
        #expect(!parsed.elements.contains("script"))
        #expect(parsed.text.contains("<script>alert(\"x\")</script>"), "the text reads back unchanged, as text")
        #expect(parsed.text.contains("& <w:p> ]]>"))
        #expect(parsed.text.contains(String(repeating: "0123456789", count: 10_000)))
        #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters")
        #expect(parsed.elements.contains("w:br") && parsed.elements.contains("w:tab"), "line breaks and tabs kept")
        let core = try Self.text("docProps/core.xml", in: data)
        #expect(Self.parsedText(core).text.contains("<script>"))
    }

    @Test func aShortRowGetsEveryColumn() {
        var document = ReportDocument(ReportFixtures.report())
        document.blocks = [.table(header: ["a", "b", "c"], rows: [["only"]], tones: [])]
        let xml = DOCXWriter(document).documentXML
        #expect(xml.components(separatedBy: "<w:tc>").count - 1 == 6, "3 header cells, 3 cells in the short row")
    }

    @Test func aDateThatIsNotADateIsLeftOut() throws {
        let writer = DOCXWriter(ReportDocument(ReportFixtures.report()), date: "2026-11-15T10:00:00Z<x>")
        #expect(writer.date == nil)
        let core = try Self.text("docProps/core.xml", in: try writer.data())
        #expect(!core.contains("dcterms:created"))
    }

    // MARK: python-docx

    static let pythonDocxAvailable: Bool = (try? SARIFSchemaTests.run(["-c", "import docx"]).status) == 0

    @Test(
        .enabled(
            if: pythonDocxAvailable, "skipped: python3 with the python-docx module is missing (pip install python-docx)"
        ),
        arguments: ["en", "fr", "hostile"])
    func pythonDocxReadsHeadingsTablesFooterAndTitle(_ which: String) throws {
        let data: Data
        var arguments: [String] = []
        switch which {
        case "fr":
            data = try Self.docx(ReportFixtures.report(language: .fr))
            arguments = [
                "--lang", "fr-FR", "--title", ReportDocument(ReportFixtures.report(language: .fr)).title,
                "--expect-cell", "IA-2026-01", "--expect-text", "Constats d'audit"
            ]
        case "hostile":
            data = try DOCXWriter(Self.hostileDocument(), date: "2026-11-15").data()
            arguments = [
                "--expect-cell", "<script>alert(\"x\")</script>", "--expect-cell",
                String(repeating: "0123456789", count: 10_000)
            ]
        default:
            data = try Self.docx(ReportFixtures.report())
            arguments = [
                "--lang", "en-GB", "--title", ReportDocument(ReportFixtures.report()).title,
                "--expect-cell", "IA-2026-01", "--expect-cell", "Q46-auditor-independence", "--expect-text",
                "Audit statements"
            ]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).docx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/check-docx.py").path
        let outcome = try SARIFSchemaTests.run([script, file.path] + arguments)
        #expect(outcome.status == 0, "python-docx: \(outcome.output)")
        #expect(outcome.output.hasPrefix("ok: "), "\(outcome.output)")
    }
}
