/// The report as GitHub-flavoured Markdown, for a wiki, a merge request or conversion to a document.
/// Text from the records is escaped: it cannot open HTML tags, links, emphasis or table cells.
public struct MarkdownReportRenderer: ReportRenderer {
    public static let identifier = "markdown"
    public static let fileExtension = "md"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        Self.render(ReportDocument(report))
    }

    /// Any laid-out document (a report, a certification dossier) as Markdown, in its language.
    public static func render(_ document: ReportDocument) -> String {
        let strings = ReportStrings.for(document.language)
        var out: [String] = ["# " + escape(document.title), ""]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text, _):
                out.append(String(repeating: "#", count: level) + " " + escape(text))
            case .paragraph(let text):
                out.append(escape(text))
            case .verdict(let text, _):
                out.append("> **" + escape(text) + "**")
            case .facts(let facts):
                out += facts.map { "- **\(escape($0.0))**\(escape(strings.colon))\(escape($0.1))" }
            case .table(let header, let rows, _):
                out += table(header, rows)
            case .bars(let title, let bars):
                out += table(
                    [title, "%", ""],
                    bars.map { bar in
                        [bar.label, bar.percent.map { strings.percent($0) } ?? "-", bar.detail]
                    })
            case .statement(let title, _, let lines):
                out.append("### " + escape(title))
                out.append("")
                out += lines.map { "- **\(escape($0.0))**\(escape(strings.colon))\(escape($0.1))" }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |" }
        return [row(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(row)
    }

    /// Text made inert in Markdown: control characters and line breaks become spaces, `<`, `>` and
    /// `&` become entities, Markdown punctuation is backslash-escaped, and `:` and the dot of `www.`
    /// are escaped so no autolink forms.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "." where previous == "w" || previous == "W": out += "\\."
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "|", "~", "{", "}", ":", "$":
                out += "\\" + String(scalar)
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
