/// Re-checks the findings of the previous audit against this run's (ISO/IEC 17021-1 9.6.2.2 b:
/// actions taken on the nonconformities found at the previous audit), with the follow-up's
/// matching (``RecheckedFindings``: rule and record, or the rule alone for a finding about the
/// export as a whole), and raises a finding for each nonconformity that recurs although its
/// response says the action was completed.
enum PreviousFindingsCheck {
    /// The previous audit's section and the recurrence findings to add to this run.
    struct Outcome {
        var previous: PreviousAudit
        var recurrences: [Finding]
    }

    /// - Parameters:
    ///   - findings: this run's findings (after systemic escalation);
    ///   - evaluated: the rules and built-in checks this run evaluated;
    ///   - standard, clause: where a recurrence is reported (ISO 9001 10.2 when checked).
    static func run(
        _ input: PreviousAuditInput, findings: [Finding], evaluated: Set<String>,
        standard: Standard, clause: String, language: Language
    ) -> Outcome {
        let rechecked = RecheckedFindings(findings: findings, evaluated: evaluated)
        let check = BuiltinCheck.recurringNonconformity
        var items: [PreviousAudit.Item] = []
        var recurrences: [Finding] = []
        for (index, finding) in input.report.openFindings.enumerated() {
            let response = input.responses.indices.contains(index) ? input.responses[index] : nil
            let status: PreviousFindingStatus
            switch rechecked.fires(finding) {
            case nil: status = .notRechecked
            case false?: status = .closed
            case true?: status = response?.completedOn != nil ? .recurring : .stillOpen
            }
            items.append(
                PreviousAudit.Item(
                    fingerprint: finding.fingerprint, rule: finding.rule, standard: finding.standard,
                    clause: finding.clause, grade: finding.auditGrade, record: finding.record,
                    message: finding.message, status: status))
            // Only a nonconformity calls for corrective action; one already graded major in this
            // run is not reported twice.
            guard status == .recurring, let completed = response?.completedOn,
                finding.auditGrade.severity >= Grade.minor.severity,
                !isMajor(finding, in: findings)
            else { continue }
            let message = language.recurrenceMessage(
                rule: finding.rule, record: finding.record,
                auditDate: input.report.asOf, fingerprint: finding.fingerprint,
                completedOn: completed.description)
            recurrences.append(
                Finding(
                    rule: check.id, standard: standard, clause: clause, grade: check.grade,
                    collection: finding.collection, record: finding.record, message: message,
                    location: Finding.Location(file: nil, line: nil),
                    arguments: [
                        MessageArgument(type: .text, value: finding.rule),
                        finding.record.map { MessageArgument(type: .text, value: $0) }
                            ?? MessageArgument(type: .absent),
                        MessageArgument(type: .date, value: input.report.asOf),
                        MessageArgument(type: .text, value: finding.fingerprint),
                        MessageArgument(type: .date, value: completed.description)
                    ]))
        }
        let previous = PreviousAudit(
            path: input.path, sha256: input.sha256, asOf: input.report.asOf,
            stage: input.report.stage, findings: items)
        return Outcome(previous: previous, recurrences: recurrences)
    }

    /// True when this run grades the same rule on the same record (or on the export as a whole)
    /// major, alone or within a systemic finding.
    private static func isMajor(_ earlier: Finding, in findings: [Finding]) -> Bool {
        findings.contains { current in
            guard current.waiver == nil, current.auditGrade == .major, current.rule == earlier.rule else {
                return false
            }
            if earlier.record == nil || current.record == nil && current.evidence.isEmpty { return true }
            if current.collection == earlier.collection && current.record == earlier.record { return true }
            return current.evidence.contains { $0.collection == earlier.collection && $0.record == earlier.record }
        }
    }
}
