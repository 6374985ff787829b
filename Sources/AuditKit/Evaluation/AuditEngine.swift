import Foundation
import Synchronization

/// Runs a rule set over loaded records as of one audit date and builds the report.
public enum AuditEngine {
    /// Evaluates the rules selected by `options` over `records`, in stages: select the rules,
    /// evaluate them with the built-in checks, escalate systemic failures, re-check the previous
    /// audit, fingerprint, apply the baseline and waivers, then list the results and assemble
    /// the report.
    ///
    /// - Throws: ``AuditError`` when a `--param` override names no parameter or does not fit its type.
    public static func run(rules: RuleSet, records: RecordSet, options: AuditOptions) throws(AuditError) -> AuditReport
    {
        let standards = options.standards ?? claimedStandards(records.root) ?? Set(Standard.allCases)
        let parameters = try ParameterValues.resolve(declared: rules.parameters, overrides: options.parameters)
        let environment = EvaluationEnvironment(
            root: records.root, names: records.names, auditDate: options.asOf, parameters: parameters,
            terms: rules.terms)
        let run = AuditRun(records: records, options: options, standards: standards)

        let selection = run.selectRules(rules.rules)
        var outcomes = evaluateConcurrently(
            selection.evaluated, environment: environment, dateCheck: !run.isLimitedToChosenRules,
            language: options.language)
        // The indicators read every complaint and no finding: worked out on another core meanwhile.
        let indicators = BackgroundValue { ComplaintIndicators(records: records) }
        let examined = run.examined(selection.evaluated, outcomes: outcomes)
        // The rules failing systemically are known from the outcomes, so the findings they group
        // are put in their groups, never in the list of findings.
        let policy = SystemicEscalation.Policy(parameters: parameters)
        let escalating =
            run.isLimitedToChosenRules
            ? [:] : SystemicEscalation.systemicRules(selection.evaluated, outcomes, policy: policy, examined: examined)
        var grouped: [String: [Finding]] = [:]
        var findings = run.findings(of: selection, taking: &outcomes, escalating: escalating, grouped: &grouped)
        if !run.isLimitedToChosenRules {
            SystemicEscalation.apply(
                to: &findings, grouped: &grouped, escalating: escalating, examined: examined,
                language: options.language)
        }
        let previousAudit = run.recheckPreviousAudit(adding: &findings, evaluated: selection.evaluated)
        findings.sortInPlace()
        FindingFingerprint.assign(to: &findings)
        let baselined = options.pipeline.apply(
            to: &findings, asOf: options.asOf, checking: standards, language: options.language)

        let checks = run.builtinChecks(previousAudit: previousAudit != nil)
        let clauses = ClauseMatrix.build(
            catalogue: rules.clauses, standards: standards, evaluated: selection.evaluated,
            builtins: checks, findings: findings, declarations: selection.declarations, language: options.language)
        let ruleResults = run.ruleResults(builtins: checks, evaluated: selection.evaluated, findings: findings)
        let complaintIndicators = indicators.value
        var report = AuditReport(
            asOf: options.asOf, stage: options.stage, language: options.language, standards: standards.sorted(),
            inputs: records.inputs,
            rules: .init(fingerprint: rules.fingerprint, evaluated: selection.evaluated.count),
            notApplicable: selection.declarations, clauses: clauses, findings: findings, ruleResults: ruleResults,
            complaintIndicators: complaintIndicators, audience: options.audience,
            exportNotes: selection.exportNotes, notExported: selection.notExported.map { $0.sorted() })
        // Recorded so a later run (a follow-up) can check a new export with the same parameters.
        report.parameterOverrides = options.parameters.isEmpty ? nil : options.parameters
        report.baselined = baselined
        report.organisation = OrganisationIdentity.read(root: records.root)
        report.fieldsNotExported = ExportedFields.listed(root: records.root)
        report.previous = previousAudit
        return report
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

    /// The positions of `rules`, the costliest first, so that the long tasks start early and the
    /// cores finish together; ties keep rule order. A rule's cost is guessed as the size of the
    /// collections it reads times the size of its conditions: fourteen date comparisons per
    /// complaint (K13) or three passes over the complaints (K33) cost more than one presence test
    /// per complaint, and started last they would leave one core working alone at the end.
    static func largestFirst(_ rules: [RuleDeclaration], environment: EvaluationEnvironment) -> [Int] {
        var sizes: [String: Int] = [:]
        func size(_ name: String) -> Int {
            if let known = sizes[name] { return known }
            let size = environment.root[name]?.items.count ?? 0
            sizes[name] = size
            return size
        }
        func nodes(_ expr: Expr) -> Int {
            var count = 1
            _ = expr.allOperands { operand in
                count += nodes(operand)
                return true
            }
            return count
        }
        let costs = rules.map { rule -> Int in
            var names = rule.requirement.freeNames
            var work = nodes(rule.requirement)
            if let scope = rule.scope {
                names.formUnion(scope.source.freeNames)
                work += nodes(scope.source)
            }
            if let filter = rule.filter {
                names.formUnion(filter.freeNames)
                work += nodes(filter)
            }
            return names.reduce(0) { $0 + size($1) } * work
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
        let claims = root["organisation"]?.record?["standards"]?.items.compactMap(\.text) ?? []
        let standards = Set(claims.compactMap(Standard.init(claim:)))
        return standards.isEmpty ? nil : standards
    }
}
