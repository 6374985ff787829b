/// The follow-up as plain text for a terminal.
public enum FollowUpTextRenderer {
    /// The text, ending with a line break.
    public static func render(_ report: FollowUpReport) -> String {
        let s = report.strings
        let reportStrings = ReportStrings.for(report.language)
        var lines: [String] = [s.title, String(repeating: "=", count: s.title.count), ""]
        for (label, value) in FollowUpHeader.fields(report) { lines.append("\(label)\(s.colon)\(value)") }
        if !report.notes.isEmpty {
            lines += ["", s.notes + s.colon.trimmingTrailingSpace]
            lines += report.notes.map { "  - \($0)" }
        }
        lines += ["", s.summary + s.colon + FollowUpHeader.counts(report)]
        if report.waived > 0 { lines.append(s.waived(report.waived)) }
        lines += ["", s.items + s.colon.trimmingTrailingSpace]
        if report.items.isEmpty { lines.append("  —") }
        for item in report.items {
            let target = item.record ?? s.wholeExport
            let required = item.required ? "" : " (\(s.notRequired))"
            lines.append("")
            lines.append(
                "  [\(s.grade(item.grade))] \(item.rule) — \(reportStrings.clauseReference(item.standard, item.clause)) — \(target)\(s.colon)\(s.status(item.status).uppercased())\(required)"
            )
            lines.append("    \(s.finding)\(s.colon)\(item.finding)")
            lines.append("    \(s.why)\(s.colon)\(item.reason)")
            if let details = FollowUpHeader.responseLine(item, strings: s) { lines.append("    \(details)") }
        }
        lines += ["", s.conclusionHeading + s.colon + s.conclusion(report.conclusion)]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Lines shared by the text, Markdown and HTML follow-ups.
enum FollowUpHeader {
    /// Label and value of each line of the header.
    static func fields(_ report: FollowUpReport) -> [(String, String)] {
        let s = report.strings
        let source = report.report
        var fields: [(String, String)] = [
            (
                s.stage2Report,
                "\(source.path) (\(s.auditDate.lowercased()) \(source.asOf)\(s.semicolon)\(s.ruleSet.lowercased()) \(source.rules.fingerprint.prefix(12)))"
            ),
            (s.auditEnd, report.auditEnd),
            (s.majorsDeadline, report.majorsVerifiedBy),
            (s.followUpDate, report.asOf),
            (s.responsesFile, report.responses.path)
        ]
        if let export = report.newExport {
            let files = export.inputs.map { "\($0.path) (sha256 \($0.sha256.prefix(12)))" }.joined(separator: ", ")
            fields.append(
                (
                    s.newExport,
                    files + (export.otherFindings > 0 ? "\(s.semicolon)\(export.otherFindings) \(s.otherFindings)" : "")
                ))
        } else {
            fields.append((s.newExport, s.none))
        }
        return fields
    }

    /// "verified: 2, plan accepted: 1, …" in the order of the statuses.
    static func counts(_ report: FollowUpReport) -> String {
        let s = report.strings
        return FollowUpStatus.allCases.map { "\(s.status($0))\(s.colon)\(report.counts[$0.rawValue] ?? 0)" }.joined(
            separator: ", ")
    }

    /// Owner, due date, completion and evidence of the response, nil without a response.
    static func responseLine(_ item: FollowUpReport.Item, strings s: FollowUpStrings) -> String? {
        guard let response = item.response else { return nil }
        var parts: [String] = []
        if let owner = response.owner, !owner.isEmpty { parts.append("\(s.owner)\(s.colon)\(owner)") }
        if let due = response.dueOn { parts.append("\(s.dueOn)\(s.colon)\(due)") }
        if let done = response.completedOn { parts.append("\(s.completedOn)\(s.colon)\(done)") }
        if !response.evidence.isEmpty {
            parts.append("\(s.evidence)\(s.colon)\(response.evidence.joined(separator: ", "))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

extension String {
    /// The text without its trailing spaces (": " becomes ":").
    var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
