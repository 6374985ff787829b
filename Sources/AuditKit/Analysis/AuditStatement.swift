/// A finding written as an audit statement: the requirement, the objective evidence from the
/// record, and the nonconformity, graded.
public struct AuditStatement: Sendable, Equatable {
    public var finding: Finding
    /// "ISO 9001:2015 clause 9.2.1 (Internal audits at planned intervals): <what the clause
    /// requires>" (the rule's title when the clause declaration does not say).
    public var requirement: String
    /// The message, with the record and where it is in the export.
    public var evidence: String
    /// Why it is not met: the grade and the criterion of the rule that failed.
    public var nonconformity: String
    /// What to fix: the rule's guidance, for the organisation's own reports (never for an auditor).
    public var guidance: String?
}

extension AuditReport {
    /// Every finding as an audit statement, in the findings' order.
    public var statements: [AuditStatement] {
        let strings = self.strings
        return findings.map { finding in
            let rule = ruleResult(finding.rule)
            let clause = clauseResult(for: finding)
            let clauseTitle = clause.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
            var requirement = strings.clauseReference(finding.standard, finding.clause)
            if let clauseTitle { requirement += " (\(clauseTitle))" }
            // What the clause requires; the rule's own title only where the clause does not say
            // (the clause itself, or the clause of a lettered item such as 7.1.5.2 a: a parent
            // clause's text does not describe a sub-clause).
            let unlettered = finding.clause.split(separator: " ").first.map(String.init) ?? finding.clause
            if let text = clause.flatMap({
                $0.clause == finding.clause || $0.clause == unlettered ? $0.requirement : nil
            }) {
                requirement += ": \(text)"
            } else if let title = rule?.title {
                requirement += ": \(title)"
            }
            let criterion = rule?.title ?? finding.rule
            return AuditStatement(
                finding: finding, requirement: requirement,
                evidence: finding.message + (placeOf(finding).map { " [\($0)]" } ?? ""),
                nonconformity: strings.notMet(
                    finding.auditGrade, criterion: criterion,
                    systemic: !finding.evidence.isEmpty),
                guidance: audience == .auditor ? nil : rule?.guidance)
        }
    }

    /// "record CMP-0107, records.xml:42" (a workbook: "record CMP-0107, registers.xlsx, sheet
    /// complaints, cell A12"), or nil for a finding about the whole export.
    public func placeOf(_ finding: Finding) -> String? {
        var place: [String] = []
        if let record = finding.record {
            place.append("\(strings.record.lowercased()) \(record)")
        }
        if let location = finding.location.described(in: strings.language) { place.append(location) }
        return place.isEmpty ? nil : place.joined(separator: ", ")
    }
}

extension String {
    /// The string with its first letter in lower case.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
