/// The follow-up as one self-contained HTML page (no scripts, no external resources; every text escaped).
public enum FollowUpHTMLRenderer {
    /// The HTML page, ending with a line break.
    public static func render(_ report: FollowUpReport) -> String {
        let s = report.strings
        let reportStrings = ReportStrings.for(report.language)
        func e(_ text: String) -> String { HTMLReportRenderer.escape(text) }
        var out: [String] = [
            "<!DOCTYPE html>", "<html lang=\"\(report.language.rawValue)\">", "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(e(s.title))</title>", "<style>\n\(css)</style>", "</head>", "<body>",
            "<h1>\(e(s.title))</h1>", "<dl>"
        ]
        for (label, value) in FollowUpHeader.fields(report) { out.append("<dt>\(e(label))</dt><dd>\(e(value))</dd>") }
        out.append("</dl>")
        for note in report.notes { out.append("<p class=\"warning\">\(e(note))</p>") }
        out.append("<h2>\(e(s.conclusionHeading))</h2>")
        out.append(
            "<p class=\"conclusion \(report.conclusion.rawValue)\"><strong>\(e(s.conclusion(report.conclusion)))</strong></p>"
        )
        out.append("<p>\(e(s.summary + s.colon + FollowUpHeader.counts(report)))</p>")
        if report.waived > 0 { out.append("<p>\(e(s.waived(report.waived)))</p>") }
        out.append("<h2>\(e(s.items))</h2>")
        out.append("<table>")
        out.append(
            "<tr><th>\(e(s.status))</th><th>\(e(s.grade))</th><th>\(e(s.rule))</th><th>\(e(s.clause))</th><th>\(e(s.record))</th><th>\(e(s.finding))</th><th>\(e(s.why))</th></tr>"
        )
        for item in report.items {
            let grade = s.grade(item.grade) + (item.required ? "" : " (\(s.notRequired))")
            var why = "<p>\(e(item.reason))</p>"
            if let details = FollowUpHeader.responseLine(item, strings: s) {
                why += "<p class=\"details\">\(e(details))</p>"
            }
            out.append(
                "<tr class=\"\(item.status.rawValue)\"><td><strong>\(e(s.status(item.status)))</strong></td><td>\(e(grade))</td><td>\(e(item.rule))</td><td>\(e(reportStrings.clauseReference(item.standard, item.clause)))</td><td>\(e(item.record ?? s.wholeExport))</td><td>\(e(item.finding))</td><td>\(why)</td></tr>"
            )
        }
        out.append("</table>")
        out.append(
            "<footer>\(e(report.tool.name)) \(e(report.tool.version)) · \(e(report.asOf)) · \(e(report.report.rules.fingerprint))</footer>"
        )
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static let css = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #ccc; padding: 0.4rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        tr.verified td:first-child { background: #e3f4e3; }
        tr.plan-accepted td:first-child { background: #eef4fb; }
        tr.response-incomplete td:first-child, tr.no-response td:first-child { background: #fff4d6; }
        tr.not-effective td:first-child, tr.overdue td:first-child { background: #fbe3e3; }
        .warning { background: #fff4d6; padding: 0.5rem; border-left: 4px solid #e0a800; }
        .details { color: #555; font-size: 0.9em; }
        footer { margin-top: 2rem; color: #777; font-size: 0.8em; }

        """
}
