import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import AuditKit

/// Record text is untrusted: every format must keep it inert.
@Suite struct HostileContentTests {
    static let report = ReportFixtures.hostileReport()

    @Test func htmlEscapesRecordText() {
        let html = HTMLReportRenderer().render(Self.report)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("</textarea>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.contains("\u{1B}"))
        #expect(html.components(separatedBy: "href=").count == 2, "only the empty icon may link anywhere")
        #expect(html.contains("default-src 'none'"))
    }

    @Test func markdownEscapesRecordText() {
        let markdown = MarkdownReportRenderer().render(Self.report)
        #expect(!markdown.contains("<"), "no raw angle bracket: no HTML can open")
        #expect(!markdown.contains("]("), "no link can form")
        #expect(!markdown.contains("\u{1B}"))
        #expect(markdown.contains("&lt;script&gt;"))
        // The hostile message is one line: its line break cannot start a new block.
        let line = markdown.split(separator: "\n").first { $0.contains("Complaint description") }
        #expect(line?.contains("second line") == true)
        #expect(line?.contains("\\| cell") == true)
    }

    @Test func csvQuotesAndDefusesRecordText() throws {
        let csv = CSVReportRenderer().render(Self.report)
        let rows = try Self.parseCSV(csv)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let row = try #require(rows.first { $0[2] == "K05-complaint-registered" })
        #expect(row[9] == "Complaint description: " + ReportFixtures.hostileText)
        #expect(row[6] == "'=CMD|' /C calc'!A0<b>", "a formula starter is prefixed with a quote")
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func junitStaysWellFormedXML() throws {
        let xml = JUnitReportRenderer().render(Self.report)
        #expect(!xml.contains("]]>"))
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!collector.elements.contains("script"))
        #expect(collector.elements.filter { $0 == "testcase" }.count == Self.report.ruleResults.count)
        #expect(collector.text.contains("<script>alert(\"x\")</script>"), "the text reads back unchanged, as text")
    }

    @Test func sarifAndJSONKeepTheMessageAsData() throws {
        for format in [ReportFormat.sarif, .json] {
            let data = Data(format.renderer.render(Self.report).utf8)
            let object = try JSONSerialization.jsonObject(with: data)
            #expect(object is [String: Any])
        }
        let sarif = SARIFReportRenderer().render(Self.report)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(messages.contains("Complaint description: " + ReportFixtures.hostileText))
        #expect(sarif.contains("records%20%3Cx%3E.xml"))
    }

    @Test func textHasNoTerminalEscapes() {
        let text = TextReportRenderer().render(Self.report)
        #expect(!text.contains("\u{1B}"))
        let coloured = TextReportRenderer(colour: true).render(Self.report)
        #expect(!coloured.contains("\u{1B}[31m [link]"), "record text cannot inject its own colours")
    }

    @Test func hostileExportEndToEnd() throws {
        let description = ReportFixtures.hostileText.replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1B}", with: "\\u001b")
        let json = """
            {"complaints": [{"id": "C<1>", "received_on": "2026-03-01", "description": "\(description)"}]}
            """
        let rules = """
            rule T1
              title "Descriptions are short"
              standard iso10002
              clause 7.2
              grade minor
              for each c in complaints
              require length(c.description) < 10
              message "Complaint {c.id}: {c.description}"
            end
            """
        let report = try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(rules),
            records: EvaluationHarness.records(json: json),
            options: AuditOptions(asOf: ReportFixtures.auditDate))
        #expect(report.findings.contains { $0.message.contains("<script>") })
        for format in [ReportFormat.html, .markdown, .junit] {
            let output = format.renderer.render(report)
            #expect(!output.contains("<script>"), "\(format) lets <script> through")
        }
        let rows = try Self.parseCSV(CSVReportRenderer().render(report))
        #expect(rows.count == 2 && rows[1][9].hasPrefix("Complaint C<1>: <script>"))
    }

    /// RFC 4180 reader for the test.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\""); characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        return rows
    }
}

/// Collects element names and text of an XML document.
final class ElementCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var elements: [String] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
