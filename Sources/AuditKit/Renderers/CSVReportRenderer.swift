/// The findings as CSV for spreadsheets: one row per finding, RFC 4180 (comma-separated, CRLF line
/// ends, fields with commas, quotes or line breaks in double quotes, quotes doubled). A field that
/// a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
/// with `'` so record text can never run as one.
public struct CSVReportRenderer: ReportRenderer {
    public static let identifier = "csv"
    public static let fileExtension = "csv"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        var rows: [[String]] = [
            [
                "standard", "clause", "rule", "grade", "stage2_grade", "collection", "record", "file", "line",
                "message", "requirement", "criterion", "due_on", "fingerprint", "waived_until"
            ]
        ]
        let statements = report.statements
        let dueDates =
            report.stage.isGraded
            ? report.findings.map { finding -> String in
                CorrectiveActionPlan.dueDays(for: finding.grade).flatMap { days in
                    CalendarDate.parse(report.asOf)?.adding(days: days).description
                } ?? ""
            } : Array(repeating: "", count: report.findings.count)
        for (index, finding) in report.findings.enumerated() {
            rows.append([
                finding.standard.rawValue, finding.clause, finding.rule, finding.grade.rawValue,
                finding.stage2Grade?.rawValue ?? "",
                finding.collection ?? "", finding.record ?? "", Self.file(of: finding.location),
                finding.location.line.map(String.init) ?? "", finding.message,
                statements[index].requirement, report.ruleResult(finding.rule)?.title ?? "",
                dueDates[index], finding.fingerprint, finding.waiver?.expires ?? ""
            ])
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The `file` column: the path, or for a workbook its cell as spreadsheets write it
    /// (`registers.xlsx:complaints!A12`), since the columns have no room for sheet and cell.
    static func file(of location: Finding.Location) -> String {
        (location.sheet == nil ? location.file : location.reference) ?? ""
    }

    /// One RFC 4180 field, defused against spreadsheet formulas.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes =
            value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuotes + "\""
    }
}

extension String {
    /// `"` doubled, as CSV writes it inside quotes.
    var replacingQuotes: String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
