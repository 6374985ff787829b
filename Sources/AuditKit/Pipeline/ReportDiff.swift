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
        struct Findings: Decodable { var findings: [Finding] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(file: path, line: 0, column: 0, message: "cannot read this report")
        }
        do {
            let findings = try JSONDecoder().decode(Findings.self, from: data).findings
            guard !findings.contains(where: { $0.fingerprint.isEmpty }) else {
                throw FileFormatError(file: path, line: 0, column: 0,
                                      message: "this report has no finding fingerprints; write it again with this version of auditready")
            }
            return findings
        } catch let error as FileFormatError {
            throw error
        } catch {
            throw FileFormatError(file: path, line: 0, column: 0,
                                  message: "this is not a JSON report written by auditready check --format json")
        }
    }

    /// True when a new finding, or a finding regraded upwards, is at least as serious as `grade`.
    public func worsened(atOrAbove grade: Grade) -> Bool {
        new.contains { $0.grade.severity >= grade.severity }
            || regraded.contains { $0.finding.grade.severity >= grade.severity && $0.finding.grade.severity > $0.previousGrade.severity }
    }

    /// The diff as sorted, pretty-printed JSON with keys `new`, `resolved`, `unchanged`, `regraded`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// The diff as plain text, or as Markdown.
    public func text(markdown: Bool) -> String {
        var lines: [String] = [markdown ? "# Progress since the previous self-assessment" : "Progress since the previous self-assessment", ""]
        func describe(_ finding: Finding) -> String {
            let record = finding.record.map { " \(finding.collection ?? "record") \($0)" } ?? ""
            let text = "\(finding.grade.label): \(finding.standard.title) \(finding.clause) [\(finding.rule)]\(record): \(finding.message)"
            return markdown ? "- " + MarkdownReportRenderer.escape(text) : "  " + TextReportRenderer.singleLine(text)
        }
        let sections: [(String, [String])] = [
            ("New findings (\(new.count))", new.map(describe)),
            ("Resolved (\(resolved.count))", resolved.map(describe)),
            ("Regraded (\(regraded.count))", regraded.map { describe($0.finding) + " (was \($0.previousGrade.label))" }),
            ("Still open (\(unchanged.count))", unchanged.map(describe)),
        ]
        for (title, items) in sections {
            lines.append(markdown ? "## \(title)" : title)
            if markdown { lines.append("") }
            lines += items.isEmpty ? [markdown ? "None." : "  none"] : items
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
