/// The report as JUnit XML for CI dashboards (Jenkins, GitLab, junitparser): one test case per
/// evaluated rule, failing when the rule raised findings, the failure listing the records.
/// Every text is escaped, and characters XML 1.0 forbids are replaced.
public struct JUnitReportRenderer: ReportRenderer {
    public static let identifier = "junit"
    public static let fileExtension = "xml"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let s = report.strings
        let failures = report.ruleResults.filter { $0.findings > 0 }.count
        let tests = report.ruleResults.count + (report.exportNotes.isEmpty ? 0 : 1)
        let suiteName = "auditready \(report.stage.rawValue) \(report.asOf)"
        var out: [String] = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        out.append(
            "<testsuites name=\"\(Self.escape(suiteName))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">"
        )
        var suites: [(Standard, [RuleResult])] = []
        for rule in report.ruleResults {
            if let last = suites.indices.last, suites[last].0 == rule.standard {
                suites[last].1.append(rule)
            } else {
                suites.append((rule.standard, [rule]))
            }
        }
        for (standard, rules) in suites {
            let suiteFailures = rules.filter { $0.findings > 0 }.count
            var attributes =
                "name=\"\(Self.escape(standard.title))\" tests=\"\(rules.count)\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\" time=\"0\""
            if let generatedAt = report.generatedAt { attributes += " timestamp=\"\(Self.escape(generatedAt))\"" }
            out.append("  <testsuite \(attributes)>")
            out.append("    <properties>")
            for (name, value) in [
                ("as_of", report.asOf), ("stage", report.stage.rawValue), ("language", report.language.rawValue),
                ("rule_set", report.rules.fingerprint)
            ] + report.inputs.map({ ("sha256:" + $0.path, $0.sha256) }) {
                out.append("      <property name=\"\(Self.escape(name))\" value=\"\(Self.escape(value))\"/>")
            }
            out.append("    </properties>")
            for rule in rules {
                let classname = "\(rule.standard.rawValue).\(rule.clause.replacingSpaces)"
                let name = "\(rule.id): \(rule.title)"
                let findings = report.findings.filter { $0.rule == rule.id }
                if findings.isEmpty {
                    out.append(
                        "    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(name))\" time=\"0\"/>"
                    )
                    continue
                }
                out.append(
                    "    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(name))\" time=\"0\">")
                let worst = findings.map(\.auditGrade).min() ?? rule.grade
                let concern = report.stage == .initial
                let message =
                    concern
                    ? "\(findings.count) \(s.gradePlural(.concern).lowercased()) (\(s.stage2Grade.lowercasedFirst)\(s.colon)\(s.grade(worst)))"
                    : "\(findings.count) \(s.findings.lowercased()) (\(s.grade(worst)))"
                var body: [String] = []
                for finding in findings {
                    let grade =
                        finding.stage2Grade.map { "\(finding.grade.rawValue): \($0.rawValue)" }
                        ?? finding.grade.rawValue
                    var line =
                        "[\(grade)] " + (finding.record.map { "\(finding.collection ?? "records")/\($0): " } ?? "")
                    line += finding.message
                    if let place = finding.location.described(in: report.language) { line += " (\(place))" }
                    body.append(line)
                }
                if report.audience == .self, let guidance = rule.guidance {
                    body.append("\(s.whatToFix)\(s.colon)\(guidance)")
                }
                out.append(
                    "      <failure message=\"\(Self.escape(message))\" type=\"\(concern ? "concern" : worst.rawValue)\">\(Self.escape(body.joined(separator: "\n")))</failure>"
                )
                out.append("    </testcase>")
            }
            out.append("  </testsuite>")
        }
        if !report.exportNotes.isEmpty {
            // Defects of the export file: reported, never a failed requirement.
            out.append(
                "  <testsuite name=\"\(Self.escape(s.exportQuality))\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">"
            )
            out.append("    <testcase classname=\"export\" name=\"\(Self.escape(s.exportQuality))\" time=\"0\">")
            let notes = report.exportNotes.map { note in
                note.message + (note.location.described(in: report.language).map { " (\($0))" } ?? "")
            }
            out.append(
                "      <system-out>\(Self.escape(([s.exportQualityIntro] + notes).joined(separator: "\n")))</system-out>"
            )
            out.append("    </testcase>")
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Text made safe in XML content and double-quoted attributes (see ``XMLEscaping``).
    public static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}

extension String {
    /// `8.5.1 f` as `8.5.1_f`, for names that must not contain spaces.
    var replacingSpaces: String { String(map { $0 == " " ? "_" : $0 }) }
}
