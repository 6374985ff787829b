/// The report as one self-contained HTML file: inline CSS, no script, no network access (a
/// Content-Security-Policy forbids any), a readiness chart drawn with CSS bars, and print rules so
/// it prints cleanly to PDF. Every text is escaped.
public struct HTMLReportRenderer: ReportRenderer {
    public static let identifier = "html"
    public static let fileExtension = "html"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        Self.render(
            ReportDocument(report),
            footer: "\(report.tool.name) \(report.tool.version) · \(report.asOf) · \(report.rules.fingerprint)")
    }

    /// Any laid-out document (a report, a certification dossier) as one self-contained HTML
    /// file in its language, with `footer` (plain text) at the bottom of the page.
    public static func render(_ document: ReportDocument, footer: String) -> String {
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"\(document.language.rawValue)\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        )
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<link rel=\"icon\" href=\"data:,\">")
        out.append("<title>\(Self.escape(document.title))</title>")
        out.append("<style>\n\(Self.css)</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<header><h1>\(Self.escape(document.title))</h1></header>")
        out.append("<main>")
        var open = false
        for block in document.blocks {
            switch block {
            case .heading(let level, let text, let anchor):
                if level == 2 {
                    if open { out.append("</section>") }
                    out.append("<section id=\"\(Self.escape(anchor))\">")
                    open = true
                }
                out.append("<h\(level)>\(Self.escape(text))</h\(level)>")
            case .paragraph(let text):
                out.append("<p>\(Self.escape(text))</p>")
            case .verdict(let text, let tone):
                out.append("<p class=\"verdict \(tone.rawValue)\">\(Self.escape(text))</p>")
            case .facts(let facts):
                out.append("<dl class=\"facts\">")
                for (label, value) in facts {
                    out.append("<dt>\(Self.escape(label))</dt><dd>\(Self.escape(value))</dd>")
                }
                out.append("</dl>")
            case .table(let header, let rows, let tones):
                out.append("<table>")
                out.append("<thead><tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>")
                out.append("<tbody>")
                for (index, row) in rows.enumerated() {
                    let tone = index < tones.count ? tones[index] : nil
                    let attribute = tone.map { " class=\"\($0.rawValue)\"" } ?? ""
                    out.append("<tr\(attribute)>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
                }
                out.append("</tbody></table>")
            case .bars(let title, let bars):
                out.append("<div class=\"chart\" role=\"img\" aria-label=\"\(Self.escape(title))\">")
                for bar in bars {
                    let width = max(0, min(100, bar.percent ?? 0))
                    let shown = bar.percent.map { ReportStrings.for(document.language).percent($0) } ?? "-"
                    out.append(
                        "<div class=\"bar-row\"><span class=\"bar-label\">\(Self.escape(bar.label))</span>"
                            + "<span class=\"bar\"><span class=\"fill\" style=\"width:\(width)%\"></span></span>"
                            + "<span class=\"bar-value\">\(Self.escape(shown))</span>"
                            + "<span class=\"bar-detail\">\(Self.escape(bar.detail))</span></div>")
                }
                out.append("</div>")
            case .statement(let title, let grade, let lines):
                out.append("<article class=\"finding \(grade.rawValue)\">")
                out.append("<h3>\(Self.escape(title))</h3>")
                out.append("<dl>")
                for (label, value) in lines {
                    out.append("<dt>\(Self.escape(label))</dt><dd>\(Self.escape(value))</dd>")
                }
                out.append("</dl>")
                out.append("</article>")
            }
        }
        if open { out.append("</section>") }
        out.append("</main>")
        out.append("<footer>\(Self.escape(footer))</footer>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Text made inert in HTML element content and quoted attributes: `& < > " '` become
    /// character references; control characters other than tab and line feed become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static let css = """
        :root { --bad: #b3261e; --warning: #a15c00; --good: #1e6b35; --line: #d0d4da; --muted: #5b6470; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 12px; }
        h2 { font-size: 18px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
        h3 { font-size: 15px; margin: 0 0 6px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f3f4f6; }
        tr.bad td:first-child { border-left: 4px solid var(--bad); }
        tr.warning td:first-child { border-left: 4px solid var(--warning); }
        tr.good td:first-child { border-left: 4px solid var(--good); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .verdict { font-weight: 600; padding: 8px 12px; border-radius: 4px; border-left: 6px solid var(--muted); background: #f6f7f9; }
        .verdict.bad { border-color: var(--bad); color: var(--bad); }
        .verdict.warning { border-color: var(--warning); color: var(--warning); }
        .verdict.good { border-color: var(--good); color: var(--good); }
        .chart { margin: 8px 0; }
        .bar-row { display: grid; grid-template-columns: 160px 1fr 48px minmax(120px, 40%); gap: 8px; align-items: center; margin: 2px 0; }
        .bar { display: block; height: 14px; background: #eceef1; border-radius: 3px; overflow: hidden; }
        .bar .fill { display: block; height: 100%; background: #2f6fb0; }
        .bar-value { text-align: right; font-variant-numeric: tabular-nums; }
        .bar-detail { color: var(--muted); font-size: 12px; }
        article.finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
        article.finding.major { border-left-color: var(--bad); }
        article.finding.minor { border-left-color: var(--warning); }
        article.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
        article.finding dt { font-weight: 600; }
        article.finding dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-after: avoid; }
          article.finding, tr, .bar-row { break-inside: avoid; }
          thead { display: table-header-group; }
          .bar, .bar .fill, .verdict, tr td:first-child { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
