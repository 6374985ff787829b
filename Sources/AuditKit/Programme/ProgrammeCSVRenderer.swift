/// An audit programme as CSV for planning tools: one row per audit, RFC 4180 (CRLF, quoting),
/// fields defused against spreadsheet formulas as ``CSVReportRenderer/field(_:)`` does.
public enum ProgrammeCSVRenderer {
    /// The CSV text of `programme`; audit titles in `language`.
    public static func render(_ programme: AuditProgramme, language: Language) -> String {
        let s = ProgrammeStrings(language)
        var rows = [
            [
                "audit", "title", "earliest", "latest", "planned", "auditor_days", "sites_visited", "clause_count",
                "clauses", "topics"
            ]
        ]
        for audit in programme.audits {
            rows.append([
                audit.kind.rawValue, s.kind(audit.kind), audit.earliest?.description ?? "",
                audit.latest?.description ?? "", audit.planned?.description ?? "",
                audit.auditorDays.formatted(.en), "\(audit.sitesToVisit)", "\(audit.clauses.count)",
                audit.clauses.map { "\($0.standard.rawValue):\($0.clause)" }.joined(separator: " "),
                audit.topics.map(\.id).joined(separator: " ")
            ])
        }
        return rows.map { $0.map(CSVReportRenderer.field).joined(separator: ",") + "\r\n" }.joined()
    }
}
