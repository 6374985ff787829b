import Foundation

/// What changed between two JSON reports: the quality manager's progress between two
/// self-assessments. Findings are matched by fingerprint.
public struct ReportDiff: Sendable, Codable, Equatable {
    /// A finding whose grade changed, with the grade it had before.
    public struct Regraded: Sendable, Codable, Equatable {
        public var finding: Finding
        public var previousGrade: Grade

        enum CodingKeys: String, CodingKey {
            case finding
            case previousGrade = "previous_grade"
        }
    }

    /// In the new report only.
    public var new: [Finding]
    /// In the old report only.
    public var resolved: [Finding]
    /// In both, with the same grade.
    public var unchanged: [Finding]
    /// In both, with another grade.
    public var regraded: [Regraded]

    /// Compares the findings of two reports.
    public init(old: [Finding], new current: [Finding]) {
        let before = Dictionary(old.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(current.map(\.fingerprint))
        new = current.filter { before[$0.fingerprint] == nil }
        resolved = old.filter { !after.contains($0.fingerprint) }
        unchanged = current.filter { before[$0.fingerprint]?.grade == $0.grade }
        regraded = current.compactMap { finding in
            guard let previous = before[finding.fingerprint], previous.grade != finding.grade else { return nil }
            return Regraded(finding: finding, previousGrade: previous.grade)
        }
    }

    /// Reads the findings of a JSON report written by `auditready check --format json`.
    public static func findings(ofReportAt path: String) throws(FileFormatError) -> [Finding] {
        let index = try ReportFindingsIndex(path: path)
        var findings: [Finding] = []
        for entry in index.entries { findings.append(try index.finding(entry)) }
        return findings
    }

    /// True when a new finding, or a finding regraded upwards, is at least as serious as `grade`.
    public func worsened(atOrAbove grade: Grade) -> Bool {
        new.contains { $0.grade.severity >= grade.severity }
            || regraded.contains {
                $0.finding.grade.severity >= grade.severity && $0.finding.grade.severity > $0.previousGrade.severity
            }
    }

    /// The diff as sorted, pretty-printed JSON with keys `new`, `resolved`, `unchanged`, `regraded`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// The diff as plain text, or as Markdown.
    public func text(markdown: Bool) -> String {
        var lines: [String] = []
        for (title, items) in ReportDiff.sections(
            new: new.count, resolved: resolved.count, regraded: regraded.count,
            unchanged: unchanged.count)
        {
            lines.append(ReportDiff.heading(title, markdown: markdown, first: lines.isEmpty))
            let described: [String]
            switch items {
            case .new: described = new.map { ReportDiff.describe($0, markdown: markdown) }
            case .resolved: described = resolved.map { ReportDiff.describe($0, markdown: markdown) }
            case .regraded:
                described = regraded.map { ReportDiff.describe($0.finding, markdown: markdown, was: $0.previousGrade) }
            case .unchanged: described = unchanged.map { ReportDiff.describe($0, markdown: markdown) }
            }
            lines += described.isEmpty ? [markdown ? "None." : "  none"] : described
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The four lists, in the order the text shows them.
    enum Section { case new, resolved, regraded, unchanged }

    /// The titles of the text's sections, with their counts.
    static func sections(new: Int, resolved: Int, regraded: Int, unchanged: Int) -> [(String, Section)] {
        [
            ("New findings (\(new))", .new), ("Resolved (\(resolved))", .resolved),
            ("Regraded (\(regraded))", .regraded), ("Still open (\(unchanged))", .unchanged)
        ]
    }

    /// The lines before a section's items (the document's title before the first).
    static func heading(_ title: String, markdown: Bool, first: Bool) -> String {
        var lines: [String] = []
        if first {
            lines += [
                markdown
                    ? "# Progress since the previous self-assessment" : "Progress since the previous self-assessment",
                ""
            ]
        }
        lines.append(markdown ? "## \(title)" : title)
        if markdown { lines.append("") }
        return lines.joined(separator: "\n")
    }

    /// One finding as a line of the text.
    static func describe(_ finding: Finding, markdown: Bool, was previous: Grade? = nil) -> String {
        let record = finding.record.map { " \(finding.collection ?? "record") \($0)" } ?? ""
        let text =
            "\(finding.grade.label): \(finding.standard.title) \(finding.clause) [\(finding.rule)]\(record): \(finding.message)"
        let line = markdown ? "- " + MarkdownReportRenderer.escape(text) : "  " + TextReportRenderer.singleLine(text)
        return previous.map { line + " (was \($0.label))" } ?? line
    }
}
