import Foundation
import Synchronization

/// Runs a rule set over loaded records as of one audit date and builds the report.
public enum AuditEngine {
    /// Evaluates the rules selected by `options` over `records`.
    ///
    /// - Throws: ``AuditError`` when a `--param` override names no parameter or does not fit its type.
    public static func run(rules: RuleSet, records: RecordSet, options: AuditOptions) throws(AuditError) -> AuditReport {
        let standards = options.standards ?? claimedStandards(records.root) ?? Set(Standard.allCases)
        let parameters = try ParameterValues.resolve(declared: rules.parameters, overrides: options.parameters)
        let environment = EvaluationEnvironment(root: records.root, auditDate: options.asOf, parameters: parameters)

        let applicability = Applicability.evaluate(root: records.root)
        let declarations = standards.contains(.iso9001) ? applicability.declarations : []
        var findings: [Finding] = []
        func place(_ location: SourceLocation?) -> Finding.Location {
            guard let location, location.line > 0, records.inputs.indices.contains(Int(location.file)) else {
                return Finding.Location(file: nil, line: nil)
            }
            return Finding.Location(file: records.inputs[Int(location.file)].path, line: Int(location.line))
        }
        func add(_ raw: RuleEvaluator.RawFinding, rule: String, standard: Standard, clause: String) {
            findings.append(Finding(rule: rule, standard: standard, clause: clause, grade: raw.grade,
                                    collection: raw.collection, record: raw.record, message: raw.message,
                                    location: place(raw.location)))
        }
        let builtinsRun = options.onlyRules == nil
        if builtinsRun, standards.contains(.iso9001) {
            for (check, raw) in applicability.findings { add(raw, rule: check.id, standard: check.standard, clause: check.clause) }
        }
        let dateCheck = BuiltinCheck.invalidDate
        let dateStandard: Standard = standards.contains(.iso9001) ? .iso9001 : .iso10002
        let dateClause = dateStandard == .iso9001 ? dateCheck.clause : "4.9"

        var evaluated: [RuleDeclaration] = []
        for rule in rules.rules where standards.contains(rule.standard) && runs(rule, in: options.stage)
            && options.onlyRules?.contains(rule.id) != false {
            if rule.standard == .iso9001, Applicability.isNotApplicable(rule.clause, declarations) { continue }
            evaluated.append(rule)
        }
        let results = evaluateConcurrently(evaluated, environment: environment, dateCheck: builtinsRun)
        for raw in results[0] {
            add(raw, rule: dateCheck.id, standard: dateStandard, clause: dateClause)
        }
        for (rule, raws) in zip(evaluated, results.dropFirst()) {
            for raw in raws { add(raw, rule: rule.id, standard: rule.standard, clause: rule.clause) }
        }
        if options.onlyRules == nil {
            var threshold = SystemicEscalation.defaultThreshold
            if case .number(let number)? = parameters[SystemicEscalation.parameterName], number >= 1, number < 1_000_000 {
                threshold = Int(number)
            }
            findings = SystemicEscalation.apply(to: findings, threshold: threshold)
        }
        findings.sort()
        let clauses = ClauseMatrix.build(catalogue: rules.clauses, standards: standards, evaluated: evaluated,
                                         builtins: [(dateStandard, dateClause, dateCheck.id)]
                                             + (standards.contains(.iso9001) ? [(.iso9001, "4.3", BuiltinCheck.notApplicableClause.id)] : []),
                                         findings: findings, declarations: declarations)
        return AuditReport(
            tool: .init(name: AuditKit.name, version: AuditKit.version),
            asOf: options.asOf.description, stage: options.stage, standards: standards.sorted(),
            inputs: records.inputs,
            rules: .init(fingerprint: rules.fingerprint, evaluated: evaluated.count),
            summary: .init(findings: findings), notApplicable: declarations,
            clauses: clauses, findings: findings)
    }

    /// The date integrity check's findings (when `dateCheck`), then each rule's findings, in rule
    /// order. The tasks are shared out among the processor cores, each compiling and evaluating
    /// its rules on its own; the results are put back in order, so the report does not depend on
    /// which core ran what.
    static func evaluateConcurrently(_ rules: [RuleDeclaration], environment: EvaluationEnvironment,
                                     dateCheck: Bool) -> [[RuleEvaluator.RawFinding]] {
        struct Work {
            var next = 0
            var results: [[RuleEvaluator.RawFinding]]
        }
        let count = rules.count + 1
        let work = Mutex(Work(results: Array(repeating: [], count: count)))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let task = work.withLock { work in
                    defer { work.next += 1 }
                    return work.next
                }
                guard task < count else { return }
                let found: [RuleEvaluator.RawFinding]
                if task == 0 {
                    found = dateCheck ? DateIntegrityCheck.findings(root: environment.root) : []
                } else {
                    found = RuleEvaluator(rule: rules[task - 1], environment: environment).evaluate()
                }
                work.withLock { $0.results[task] = found }
            }
        }
        return work.withLock { $0.results }
    }

    /// Stage 2 runs every rule; stage 1 only those written for the initial assessment.
    static func runs(_ rule: RuleDeclaration, in stage: Stage) -> Bool {
        stage == .certification || rule.stages.contains(.initial)
    }

    /// The standards listed in `organisation.standards`, or nil when it lists none we know.
    static func claimedStandards(_ root: Record) -> Set<Standard>? {
        let claims = root[Name("organisation")]?.record?[Name("standards")]?.items.compactMap(\.text) ?? []
        let standards = Set(claims.compactMap(Standard.init(claim:)))
        return standards.isEmpty ? nil : standards
    }
}
