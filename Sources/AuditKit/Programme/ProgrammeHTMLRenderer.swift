/// An audit programme as one self-contained HTML file: inline CSS, no script, no network access
/// (a Content-Security-Policy forbids any); every text is escaped.
public enum ProgrammeHTMLRenderer {
    /// The HTML text of `programme` in `language`.
    public static func render(_ programme: AuditProgramme, language: Language) -> String {
        let document = ProgrammeDocument(programme, language: language)
        let e = XMLEscaping.escape
        var out = [
            "<!DOCTYPE html>", "<html lang=\"\(language.rawValue)\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(e(document.title))</title>", "<style>\n\(css)</style>", "</head>", "<body>",
            "<h1>\(e(document.title))</h1>"
        ]
        for block in document.blocks {
            switch block {
            case .heading(let text):
                out.append("<h2>\(e(text))</h2>")
            case .paragraph(let text):
                out.append("<p>\(e(text))</p>")
            case .facts(let facts):
                out.append("<dl>" + facts.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined() + "</dl>")
            case .list(let items):
                out.append("<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
            case let .table(header, rows):
                out.append("<table>")
                out.append("<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>")
                out.append("<tbody>")
                out += rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }
                out.append("</tbody></table>")
            }
        }
        out += ["</body>", "</html>", ""]
        return out.joined(separator: "\n")
    }

    static let css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 22px; }
        h2 { font-size: 18px; border-bottom: 2px solid #d0d4da; padding-bottom: 4px; margin-top: 28px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border: 1px solid #d0d4da; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        @media print { body { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }

        """
}
