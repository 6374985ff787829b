/// The report for a terminal or a log: findings grouped by grade, then a summary.
public struct TextReportRenderer: ReportRenderer {
    public static let identifier = "text"
    public static let fileExtension = "txt"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        var lines: [String] = []
        let stage = report.stage == .initial ? "initial assessment (stage 1)" : "certification audit (stage 2)"
        lines.append("auditready \(report.tool.version): \(stage) as of \(report.asOf)")
        lines.append("Standards: " + report.standards.map(\.title).joined(separator: ", "))
        for input in report.inputs {
            lines.append("Records:   \(input.path) (\(input.format.uppercased()), \(input.records) records, SHA-256 \(input.sha256.prefix(16))…)")
        }
        lines.append("Rules:     \(report.rules.evaluated) evaluated (rule set \(report.rules.fingerprint.prefix(16))…)")
        for declaration in report.notApplicable {
            let verdict = declaration.accepted ? "accepted" : "not accepted"
            lines.append("Not applicable: clause \(declaration.clause) (\(verdict))")
        }
        lines.append("")
        if report.findings.isEmpty {
            lines.append("No findings.")
        }
        for grade in Grade.allCases {
            let findings = report.findings.filter { $0.grade == grade }
            guard !findings.isEmpty else { continue }
            lines.append("\(grade.label.capitalizedFirst) (\(findings.count))")
            for finding in findings {
                lines.append("  \(finding.standard.title) \(finding.clause)  [\(finding.rule)]")
                lines.append("    \(TextReportRenderer.singleLine(finding.message))")
                var place: [String] = []
                if let record = finding.record {
                    place.append("record \(TextReportRenderer.singleLine(record))" + (finding.collection.map { " in \($0)" } ?? ""))
                }
                if let file = finding.location.file {
                    place.append(file + (finding.location.line.map { ":\($0)" } ?? ""))
                }
                if !place.isEmpty { lines.append("    (" + place.joined(separator: ", ") + ")") }
            }
            lines.append("")
        }
        let summary = report.summary
        lines.append("Summary: \(summary.major) major, \(summary.minor) minor, \(summary.observation) observation(s), \(summary.opportunity) opportunit\(summary.opportunity == 1 ? "y" : "ies") for improvement")
        let statuses: [(AuditReport.ClauseStatus, String)] = [(.conforming, "conforming"), (.gap, "with gaps"),
                                                             (.notApplicable, "not applicable"), (.notAssessed, "not assessed by records")]
        let counts = statuses.map { status, label in "\(report.clauses.filter { $0.status == status }.count) \(label)" }
        lines.append("Clauses: " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Record text on one line: control characters (newlines, escapes) become spaces.
    static func singleLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
