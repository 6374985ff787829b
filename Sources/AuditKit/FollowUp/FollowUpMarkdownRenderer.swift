/// The follow-up as Markdown, for a ticket or a wiki page.
public enum FollowUpMarkdownRenderer {
    /// The Markdown text, ending with a line break.
    public static func render(_ report: FollowUpReport) -> String {
        let s = report.strings
        let reportStrings = ReportStrings.for(report.language)
        var lines: [String] = ["# \(s.title)", ""]
        for (label, value) in FollowUpHeader.fields(report) { lines.append("- **\(label)**\(s.colon)\(cell(value))") }
        if !report.notes.isEmpty {
            lines += ["", "## \(s.notes)", ""]
            lines += report.notes.map { "> ⚠ \(cell($0))" }
        }
        lines += [
            "", "## \(s.conclusionHeading)", "", "**\(s.conclusion(report.conclusion))**", "",
            "\(s.summary)\(s.colon)\(FollowUpHeader.counts(report))"
        ]
        if report.waived > 0 { lines += ["", s.waived(report.waived)] }
        lines += ["", "## \(s.items)", ""]
        lines.append("| \(s.status) | \(s.grade) | \(s.rule) | \(s.clause) | \(s.record) | \(s.finding) | \(s.why) |")
        lines.append("|---|---|---|---|---|---|---|")
        for item in report.items {
            let grade = s.grade(item.grade) + (item.required ? "" : " (\(s.notRequired))")
            var why = item.reason
            if let details = FollowUpHeader.responseLine(item, strings: s) { why += " " + details }
            lines.append(
                "| **\(s.status(item.status))** | \(cell(grade)) | \(cell(item.rule)) | \(cell(reportStrings.clauseReference(item.standard, item.clause))) | \(cell(item.record ?? s.wholeExport)) | \(cell(item.finding)) | \(cell(why)) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text made safe in a Markdown table cell: pipes, markup characters and line breaks are inert.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\\(character)"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
