/// What the stages of one check run (``AuditEngine/run(rules:records:options:)``) share: the
/// records, the options and the standards checked, and how a finding is placed.
struct AuditRun {
    let records: RecordSet
    let options: AuditOptions
    let standards: Set<Standard>

    /// The rules a run evaluates and what decided the choice.
    struct Selection {
        /// The not-applicable declarations (ISO 9001 only) and the findings about them.
        var declarations: [NotApplicableDeclaration]
        var applicabilityFindings: [(BuiltinCheck, RuleEvaluator.RawFinding)]
        /// Defects of the export file: notes, never findings.
        var exportNotes: [ExportNote]
        /// The collections the export says it does not hold; nil when it does not say.
        var notExported: Set<String>?
        /// The rules to evaluate, in rule-file order.
        var evaluated: [RuleDeclaration]
    }

    /// True when the run is limited to chosen rules (rule tests): no built-in check reads the
    /// records and nothing escalates.
    var isLimitedToChosenRules: Bool { options.onlyRules != nil }

    /// The rules of the standards checked that run at this stage (and were chosen), less those
    /// of a clause declared not applicable or reading a collection the export does not hold.
    func selectRules(_ rules: [RuleDeclaration]) -> Selection {
        let applicability = Applicability.evaluate(root: records.root, language: options.language)
        let declarations = standards.contains(.iso9001) ? applicability.declarations : []
        // Defects of the export file are notes, never findings (an invalid date stays a finding:
        // it is a lapse in the record itself).
        let exportNotes =
            (records.violations.filter { $0.kind != .badDate }.map(ExportNote.init)
            + ExportedCollections.unknownNames(root: records.root, place: place)
            + ExportedFields.unknownNames(root: records.root, place: place)).sorted()
        let notExported = ExportedCollections.notExported(root: records.root)
        let evaluated = rules.filter { rule in
            standards.contains(rule.standard)
                && AuditEngine.runs(rule, in: options.stage, covering: options.cover)
                && options.onlyRules?.contains(rule.id) != false
                && !(rule.standard == .iso9001 && Applicability.isNotApplicable(rule.clause, declarations))
                && !(notExported.map { ExportedCollections.reads(rule, anyOf: $0) } ?? false)
        }
        return Selection(
            declarations: declarations,
            applicabilityFindings: standards.contains(.iso9001) ? applicability.findings : [],
            exportNotes: exportNotes, notExported: notExported, evaluated: evaluated)
    }

    /// The findings of the built-in checks reading the records (not-applicable declarations,
    /// then invalid dates: `outcomes[0]`) and of each evaluated rule (`outcomes[1...]`). The
    /// outcomes' findings are emptied as they are taken, so the two lists are not kept together.
    ///
    /// The minor findings with a record of the rules in `escalating` (with their number, from
    /// ``SystemicEscalation/systemicRules(_:_:policy:examined:)``) go to `grouped`, by rule, not
    /// to the list, which has room for exactly the others and one systemic finding per group.
    func findings(
        of selection: Selection, taking outcomes: inout [RuleEvaluator.Outcome],
        escalating: [String: (findings: Int, records: Int)] = [:], grouped: inout [String: [Finding]]
    ) -> [Finding] {
        var findings: [Finding] = []
        let total = selection.applicabilityFindings.count + outcomes.reduce(0) { $0 + $1.findings.count }
        findings.reserveCapacity(total - escalating.values.reduce(0) { $0 + $1.findings } + escalating.count)
        for (rule, count) in escalating { grouped[rule, default: []].reserveCapacity(count.findings) }
        if !isLimitedToChosenRules {
            for (check, raw) in selection.applicabilityFindings {
                findings.append(finding(raw, rule: check.id, at: check.placement(checking: standards)))
            }
        }
        let dateCheck = BuiltinCheck.invalidDate
        for raw in outcomes[0].findings {
            findings.append(finding(raw, rule: dateCheck.id, at: dateCheck.placement(checking: standards)))
        }
        outcomes[0].findings = []
        for (index, rule) in selection.evaluated.enumerated() {
            let placement = BuiltinCheck.Placement(rule.standard, rule.clause)
            let escalates = escalating[rule.id] != nil
            // The rule's group is taken out while it is filled, and put back.
            var group = escalates ? grouped.removeValue(forKey: rule.id) ?? [] : []
            for raw in outcomes[index + 1].findings {
                if escalates, raw.grade == .minor, raw.record != nil {
                    group.append(finding(raw, rule: rule.id, at: placement))
                } else {
                    findings.append(finding(raw, rule: rule.id, at: placement))
                }
            }
            if escalates { grouped[rule.id] = group }
            outcomes[index + 1].findings = []
        }
        return findings
    }

    /// The number of records each evaluated rule examined, for systemic escalation (rules written
    /// `systemic never` are left out, so their findings are never escalated).
    func examined(_ evaluated: [RuleDeclaration], outcomes: [RuleEvaluator.Outcome]) -> [String: Int] {
        var examined: [String: Int] = [:]
        for (rule, outcome) in zip(evaluated, outcomes.dropFirst()) where rule.escalates {
            examined[rule.id] = outcome.examined
        }
        return examined
    }

    /// Surveillance and recertification with `--previous`: re-checks the previous audit's
    /// findings against `findings` (after escalation, before waivers), adds a finding for each
    /// recurring nonconformity and returns the report's `previous` section; nil otherwise.
    func recheckPreviousAudit(adding findings: inout [Finding], evaluated: [RuleDeclaration]) -> PreviousAudit? {
        guard let previous = options.previous, options.stage.followsPreviousAudit else { return nil }
        let recurrence = BuiltinCheck.recurringNonconformity
        var checked = Set(evaluated.map(\.id)).union([recurrence.id])
        if !isLimitedToChosenRules {
            for check in builtinChecks(previousAudit: true) where check.readsRecords { checked.insert(check.id) }
        }
        let placement = recurrence.placement(checking: standards)
        let outcome = PreviousFindingsCheck.run(
            previous, findings: findings, evaluated: checked,
            standard: placement.standard, clause: placement.clause,
            language: options.language)
        findings += outcome.recurrences
        return outcome.previous
    }

    /// The built-in checks taking part in this run.
    func builtinChecks(previousAudit: Bool) -> [BuiltinCheck] {
        BuiltinCheck.all.filter {
            $0.takesPart(
                checking: standards, waiversGiven: !options.pipeline.waivers.isEmpty, previousAudit: previousAudit)
        }
    }

    /// The report's rule results: each built-in check and evaluated rule with its number of
    /// findings, by standard, clause and id.
    func ruleResults(builtins: [BuiltinCheck], evaluated: [RuleDeclaration], findings: [Finding]) -> [RuleResult] {
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        let language = options.language, advised = options.audience != .auditor
        let checks = builtins.map { check in
            let placement = check.placement(checking: standards)
            return RuleResult(
                id: check.id, title: check.title(in: language), standard: placement.standard,
                clause: placement.clause, grade: check.grade,
                guidance: advised ? check.guidance(in: language) : nil, findings: counts[check.id] ?? 0)
        }
        let rules = evaluated.map { rule in
            var result = RuleResult(
                id: rule.id, title: rule.localizedTitle(language), standard: rule.standard,
                clause: rule.clause, grade: rule.grade,
                guidance: advised ? rule.localizedGuidance(language) : nil,
                findings: counts[rule.id] ?? 0)
            result.arguments = MessageRenderer(rule: rule).argumentNames
            return result
        }
        return (checks + rules).sorted {
            $0.standard != $1.standard
                ? $0.standard < $1.standard
                : (ClauseNumber.compare($0.clause, $1.clause), $0.id) < (0, $1.id)
        }
    }

    /// A finding of `rule` reported at `placement`, its location in the input's own terms.
    private func finding(_ raw: RuleEvaluator.RawFinding, rule: String, at placement: BuiltinCheck.Placement)
        -> Finding
    {
        Finding(
            rule: rule, standard: placement.standard, clause: placement.clause, grade: raw.grade,
            collection: raw.collection, record: raw.record, text: raw.text, location: place(raw.location))
    }

    /// Where `location` is in the input it came from (sheet row or file line); no place when unknown.
    func place(_ location: SourceLocation?) -> Finding.Location {
        guard let location, location.line > 0, records.inputs.indices.contains(Int(location.file)) else {
            return Finding.Location(file: nil, line: nil)
        }
        return records.inputs[Int(location.file)].location(line: Int(location.line), column: Int(location.column))
    }
}
