/// The findings of the new export, looked up by rule and record: does a finding of the stage 2
/// report still fire?
struct RecheckedFindings {
    /// Rule and record of every finding, including those grouped in a systemic finding.
    private var onRecords: Set<Key> = []
    /// Rules that gave any finding at all.
    private var rules: Set<String> = []
    /// The top-level findings.
    private var findings: [Finding]
    /// The rules and built-in checks evaluated on the new export.
    private var evaluated: Set<String>

    private struct Key: Hashable {
        var rule: String
        var collection: String?
        var record: String?
    }

    init(_ report: AuditReport) {
        self.init(findings: report.findings, evaluated: Set(report.ruleResults.map(\.id)))
    }

    /// The findings of a run (waived ones are left out) and the ids of the rules and built-in
    /// checks it evaluated.
    init(findings: [Finding], evaluated: Set<String>) {
        self.findings = findings.filter { $0.waiver == nil }
        self.evaluated = evaluated
        for finding in self.findings {
            rules.insert(finding.rule)
            onRecords.insert(Key(rule: finding.rule, collection: finding.collection, record: finding.record))
            for grouped in finding.evidence {
                onRecords.insert(Key(rule: grouped.rule, collection: grouped.collection, record: grouped.record))
            }
        }
    }

    /// True when the rule still fires for the finding's record (alone or within a systemic
    /// finding); for a finding about the export as a whole, when the rule gives any finding.
    /// Nil when the rule was not evaluated on the new export (other rules, or its standard or
    /// collection left out): its silence proves nothing.
    func fires(_ finding: Finding) -> Bool? {
        guard evaluated.contains(finding.rule) || rules.contains(finding.rule) else { return nil }
        guard finding.record != nil else { return rules.contains(finding.rule) }
        return onRecords.contains(Key(rule: finding.rule, collection: finding.collection, record: finding.record))
    }

    /// The number of findings of the new export that no finding of `original` accounts for.
    func unanswered(by original: [Finding]) -> Int {
        let known = Set(original.map { Key(rule: $0.rule, collection: $0.collection, record: $0.record) })
        let wholeExport = Set(original.filter { $0.record == nil }.map(\.rule))
        return findings.filter { finding in
            !known.contains(Key(rule: finding.rule, collection: finding.collection, record: finding.record))
                && !wholeExport.contains(finding.rule)
                && !finding.evidence.contains {
                    known.contains(Key(rule: $0.rule, collection: $0.collection, record: $0.record))
                }
        }.count
    }
}
