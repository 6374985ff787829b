import Foundation
import Synchronization

/// Runs a rule set over loaded records as of one audit date and builds the report.
public enum AuditEngine {
    /// Evaluates the rules selected by `options` over `records`.
    ///
    /// - Throws: ``AuditError`` when a `--param` override names no parameter or does not fit its type.
    public static func run(rules: RuleSet, records: RecordSet, options: AuditOptions) throws(AuditError) -> AuditReport
    {
        let standards = options.standards ?? claimedStandards(records.root) ?? Set(Standard.allCases)
        let parameters = try ParameterValues.resolve(declared: rules.parameters, overrides: options.parameters)
        let environment = EvaluationEnvironment(
            root: records.root, auditDate: options.asOf, parameters: parameters, terms: rules.terms)

        let applicability = Applicability.evaluate(root: records.root, language: options.language)
        let declarations = standards.contains(.iso9001) ? applicability.declarations : []
        var findings: [Finding] = []
        func place(_ location: SourceLocation?) -> Finding.Location {
            guard let location, location.line > 0, records.inputs.indices.contains(Int(location.file)) else {
                return Finding.Location(file: nil, line: nil)
            }
            let place = records.inputs[Int(location.file)].place(line: Int(location.line), column: Int(location.column))
            return Finding.Location(file: place.file, line: place.line)
        }
        func add(_ raw: RuleEvaluator.RawFinding, rule: String, standard: Standard, clause: String) {
            findings.append(
                Finding(
                    rule: rule, standard: standard, clause: clause, grade: raw.grade,
                    collection: raw.collection, record: raw.record, message: raw.message,
                    location: place(raw.location), arguments: raw.arguments))
        }
        let builtinsRun = options.onlyRules == nil
        if builtinsRun, standards.contains(.iso9001) {
            for (check, raw) in applicability.findings {
                add(raw, rule: check.id, standard: check.standard, clause: check.clause)
            }
        }
        let dateCheck = BuiltinCheck.invalidDate
        let dateStandard: Standard = standards.contains(.iso9001) ? .iso9001 : .iso10002
        let dateClause = dateStandard == .iso9001 ? dateCheck.clause : "4.9"
        // Defects of the export file are notes, never findings (an invalid date stays a finding:
        // it is a lapse in the record itself).
        let exportNotes =
            (records.violations.filter { $0.kind != .badDate }.map(ExportNote.init)
            + ExportedCollections.unknownNames(root: records.root, place: place)).sorted()
        let notExported = ExportedCollections.notExported(root: records.root)

        var evaluated: [RuleDeclaration] = []
        for rule in rules.rules
        where standards.contains(rule.standard) && runs(rule, in: options.stage, covering: options.cover)
            && options.onlyRules?.contains(rule.id) != false
        {
            if rule.standard == .iso9001, Applicability.isNotApplicable(rule.clause, declarations) { continue }
            if let notExported, ExportedCollections.reads(rule, anyOf: notExported) { continue }
            evaluated.append(rule)
        }
        let results = evaluateConcurrently(
            evaluated, environment: environment, dateCheck: builtinsRun,
            language: options.language)
        // The indicators read every complaint and no finding: worked out on another core meanwhile.
        let indicators = BackgroundValue { ComplaintIndicators(records: records) }
        findings.reserveCapacity(findings.count + results.reduce(0) { $0 + $1.findings.count })
        for raw in results[0].findings {
            add(raw, rule: dateCheck.id, standard: dateStandard, clause: dateClause)
        }
        var examined: [String: Int] = [:]
        for (rule, outcome) in zip(evaluated, results.dropFirst()) {
            examined[rule.id] = outcome.examined
            for raw in outcome.findings { add(raw, rule: rule.id, standard: rule.standard, clause: rule.clause) }
        }
        if options.onlyRules == nil {
            SystemicEscalation.apply(
                to: &findings, policy: SystemicEscalation.Policy(parameters: parameters),
                examined: examined, language: options.language)
        }
        // The previous audit's findings are re-checked against this run's (never escalated).
        let recurrence = BuiltinCheck.recurringNonconformity
        let recurrenceStandard: Standard = standards.contains(.iso9001) ? .iso9001 : .iso10002
        let recurrenceClause = recurrenceStandard == .iso9001 ? recurrence.clause : "8.7"
        var previousAudit: PreviousAudit?
        if let previous = options.previous, options.stage.followsPreviousAudit {
            var checked = Set(evaluated.map(\.id)).union([recurrence.id])
            if builtinsRun {
                checked.insert(dateCheck.id)
                if standards.contains(.iso9001) {
                    checked.formUnion([BuiltinCheck.notApplicableClause.id, BuiltinCheck.notApplicableJustification.id])
                }
            }
            let outcome = PreviousFindingsCheck.run(
                previous, findings: findings, evaluated: checked,
                standard: recurrenceStandard, clause: recurrenceClause,
                language: options.language)
            findings += outcome.recurrences
            previousAudit = outcome.previous
        }
        findings.sort()
        FindingFingerprint.assign(to: &findings)
        let baselined = options.pipeline.apply(to: &findings, asOf: options.asOf, language: options.language)
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        var builtins: [(Standard, String, String)] = [(dateStandard, dateClause, dateCheck.id)]
        var builtinResults = [
            ruleResult(
                dateCheck, standard: dateStandard, clause: dateClause, counts: counts, language: options.language,
                audience: options.audience)
        ]
        if !options.pipeline.waivers.isEmpty {
            // Waivers were checked: the check appears with its count, even when every waiver holds.
            let check = BuiltinCheck.invalidWaiver
            builtins.append((check.standard, check.clause, check.id))
            builtinResults.append(
                ruleResult(
                    check, standard: check.standard, clause: check.clause, counts: counts, language: options.language,
                    audience: options.audience))
        }
        if previousAudit != nil {
            builtins.append((recurrenceStandard, recurrenceClause, recurrence.id))
            builtinResults.append(
                ruleResult(
                    recurrence, standard: recurrenceStandard, clause: recurrenceClause, counts: counts,
                    language: options.language, audience: options.audience))
        }
        if standards.contains(.iso9001) {
            builtins.append((.iso9001, "4.3", BuiltinCheck.notApplicableClause.id))
            for check in [BuiltinCheck.notApplicableClause, .notApplicableJustification] {
                builtinResults.append(
                    ruleResult(
                        check, standard: check.standard, clause: check.clause, counts: counts,
                        language: options.language, audience: options.audience))
            }
        }
        let clauses = ClauseMatrix.build(
            catalogue: rules.clauses, standards: standards, evaluated: evaluated,
            builtins: builtins, findings: findings, declarations: declarations,
            language: options.language)
        let ruleResults =
            (builtinResults
            + evaluated.map { rule in
                var result = RuleResult(
                    id: rule.id, title: rule.localizedTitle(options.language), standard: rule.standard,
                    clause: rule.clause, grade: rule.grade,
                    guidance: options.audience == .auditor ? nil : rule.localizedGuidance(options.language),
                    findings: counts[rule.id] ?? 0)
                result.arguments = MessageRenderer(rule: rule).argumentNames
                return result
            }).sorted {
                $0.standard != $1.standard
                    ? $0.standard < $1.standard
                    : (ClauseNumber.compare($0.clause, $1.clause), $0.id) < (0, $1.id)
            }
        let complaintIndicators = indicators.value
        var report = AuditReport(
            asOf: options.asOf, stage: options.stage, language: options.language, standards: standards.sorted(),
            inputs: records.inputs,
            rules: .init(fingerprint: rules.fingerprint, evaluated: evaluated.count),
            notApplicable: declarations, clauses: clauses, findings: findings, ruleResults: ruleResults,
            complaintIndicators: complaintIndicators, audience: options.audience, exportNotes: exportNotes,
            notExported: notExported.map { $0.sorted() })
        // Recorded so a later run (a follow-up) can check a new export with the same parameters.
        report.parameterOverrides = options.parameters.isEmpty ? nil : options.parameters
        report.baselined = baselined
        report.organisation = OrganisationIdentity.read(root: records.root)
        report.previous = previousAudit
        return report
    }

    /// The report entry of a built-in check; `counts` holds the number of findings per rule id.
    private static func ruleResult(
        _ check: BuiltinCheck, standard: Standard, clause: String,
        counts: [String: Int], language: Language, audience: Audience
    ) -> RuleResult {
        RuleResult(
            id: check.id, title: check.title(in: language), standard: standard, clause: clause, grade: check.grade,
            guidance: audience == .auditor ? nil : check.guidance(in: language), findings: counts[check.id] ?? 0)
    }

    /// The date integrity check's findings (when `dateCheck`), then each rule's outcome, in rule
    /// order. The tasks are shared out among the processor cores, each compiling and evaluating
    /// its rules on its own; the results are put back in order, so the report does not depend on
    /// which core ran what.
    static func evaluateConcurrently(
        _ rules: [RuleDeclaration], environment: EvaluationEnvironment,
        dateCheck: Bool, language: Language
    ) -> [RuleEvaluator.Outcome] {
        struct Work {
            var next = 0
            var results: [RuleEvaluator.Outcome]
        }
        let count = rules.count + 1
        let schedule = [0] + largestFirst(rules, environment: environment).map { $0 + 1 }
        let work = Mutex(Work(results: Array(repeating: RuleEvaluator.Outcome(), count: count)))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let next = work.withLock { work in
                    defer { work.next += 1 }
                    return work.next
                }
                guard next < count else { return }
                let task = schedule[next]
                let found: RuleEvaluator.Outcome
                if task == 0 {
                    found = RuleEvaluator.Outcome(
                        findings: dateCheck
                            ? DateIntegrityCheck.findings(root: environment.root, language: language) : [])
                } else {
                    found = RuleEvaluator(rule: rules[task - 1], environment: environment, language: language)
                        .evaluate()
                }
                work.withLock { $0.results[task] = found }
            }
        }
        return work.withLock { $0.results }
    }

    /// The positions of `rules`, the rules reading the largest collections first, so that the
    /// long tasks start early and the cores finish together; ties keep rule order.
    static func largestFirst(_ rules: [RuleDeclaration], environment: EvaluationEnvironment) -> [Int] {
        var sizes: [String: Int] = [:]
        func size(_ name: String) -> Int {
            if let known = sizes[name] { return known }
            let size = environment.root[Name(name)]?.items.count ?? 0
            sizes[name] = size
            return size
        }
        let costs = rules.map { rule -> Int in
            var names = rule.requirement.freeNames
            if let scope = rule.scope { names.formUnion(scope.source.freeNames) }
            if let filter = rule.filter { names.formUnion(filter.freeNames) }
            return names.reduce(0) { $0 + size($1) }
        }
        return rules.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }

    /// Whether `rule` runs at `stage` (ISO/IEC 17021-1 9.3, 9.6.2.2, 9.6.3):
    /// - stage 1 and stage 2: the rules naming that stage (stage 2 runs all but those that only
    ///   judge readiness for stage 2, `stages initial`);
    /// - surveillance: the rules naming `surveillance`, and the stage 2 rules of a clause every
    ///   surveillance audits (``SurveillanceTopic/coversEverySurveillance(_:_:)``) or of a
    ///   clause in `cover` (those the audit programme assigns to this surveillance);
    /// - recertification: every stage 2 rule (the full clause set) and the rules naming
    ///   `recertification` (effectiveness over the cycle).
    static func runs(_ rule: RuleDeclaration, in stage: Stage, covering cover: [String] = []) -> Bool {
        switch stage {
        case .initial, .certification:
            return rule.stages.contains(stage)
        case .recertification:
            return rule.stages.contains(.recertification) || rule.stages.contains(.certification)
        case .surveillance:
            if rule.stages.contains(.surveillance) { return true }
            guard rule.stages.contains(.certification) else { return false }
            return SurveillanceTopic.coversEverySurveillance(rule.standard, rule.clause)
                || cover.contains { ClauseNumber.isWithin(rule.clause, $0) }
        }
    }

    /// The standards listed in `organisation.standards`, or nil when it lists none we know.
    static func claimedStandards(_ root: Record) -> Set<Standard>? {
        let claims = root[Name("organisation")]?.record?[Name("standards")]?.items.compactMap(\.text) ?? []
        let standards = Set(claims.compactMap(Standard.init(claim:)))
        return standards.isEmpty ? nil : standards
    }
}
