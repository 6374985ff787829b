/// ISO/IEC 17021-1: several minor nonconformities against the same requirement that show a
/// failure of the process, not isolated slips, are one major nonconformity.
///
/// Counted per rule, never by pooling unrelated rules that share a clause number, and only when
/// the failures are both numerous (`threshold` records) and a real share of what the rule
/// examined (`share`): 3 late acknowledgements out of 100 complaints are isolated lapses, 3 out
/// of 5 are not. Only minor findings of the rule files escalate: never observations, never the
/// built-in checks (invalid dates, waivers), never notes about the export file.
enum SystemicEscalation {
    /// The parameters that set the policy when a rule file declares them.
    static let thresholdParameter = "systemic_threshold"
    static let shareParameter = "systemic_share"

    /// When a rule's minor findings become systemic.
    struct Policy: Equatable {
        /// Failing records needed (default 3); below 2 nothing escalates.
        var threshold = 3
        /// Share of the records the rule examined that must fail, 0 to 1 (default 0.2).
        var share = 0.2

        init(threshold: Int = 3, share: Double = 0.2) {
            self.threshold = threshold
            self.share = share
        }

        /// The policy the rule files' parameters (after `--param`) set.
        init(parameters: [String: Expr.Literal]) {
            self.init()
            if case .number(let number)? = parameters[SystemicEscalation.thresholdParameter], number >= 1,
                number < 1_000_000
            {
                threshold = Int(number)
            }
            if case .number(let number)? = parameters[SystemicEscalation.shareParameter], number >= 0, number <= 1 {
                share = number
            }
        }

        /// True when `failing` records out of `examined` show a systemic failure.
        func isSystemic(failing: Int, examined: Int) -> Bool {
            threshold > 1 && failing >= threshold && Double(failing) >= share * Double(max(examined, failing))
        }
    }

    /// The rules whose minor findings (with a record) fail systemically (see ``Policy``), with
    /// the number of those findings and of their records, read from the rules' outcomes (in
    /// `evaluated` order, after the built-in checks' outcome) before the findings are made.
    /// `examined` holds, per rule id, the number of records the rule examined; other rules never
    /// escalate.
    static func systemicRules(
        _ evaluated: [RuleDeclaration], _ outcomes: [RuleEvaluator.Outcome], policy: Policy, examined: [String: Int]
    ) -> [String: (findings: Int, records: Int)] {
        guard policy.threshold > 1 else { return [:] }
        var records: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        for (rule, outcome) in zip(evaluated, outcomes.dropFirst()) where examined[rule.id] != nil {
            // Counted for the outcome, then added to the rule's counts once.
            var failing = Set<String>(minimumCapacity: outcome.findings.count)
            var count = 0
            for raw in outcome.findings where raw.grade == .minor {
                guard let record = raw.record else { continue }
                failing.insert(record)
                count += 1
            }
            guard count > 0 else { continue }
            records[rule.id, default: []].formUnion(failing)
            counts[rule.id, default: 0] += count
        }
        var systemic: [String: (findings: Int, records: Int)] = [:]
        for (rule, count) in counts {
            let failing = records[rule]?.count ?? 0
            if policy.isSystemic(failing: failing, examined: examined[rule] ?? 0) {
                systemic[rule] = (count, failing)
            }
        }
        return systemic
    }

    /// Adds to `findings` one major finding for each group of `grouped` (a rule of `escalating`,
    /// from ``systemicRules(_:_:policy:examined:)``, and its minor findings in the order they
    /// were found), listing them as its evidence, and sorts the findings. `grouped` is emptied:
    /// the findings are moved, never copied (a copy retains every string in it).
    static func apply(
        to findings: inout [Finding], grouped: inout [String: [Finding]],
        escalating: [String: (findings: Int, records: Int)], examined: [String: Int], language: Language = .en
    ) {
        var systemic: [Finding] = []
        for rule in grouped.keys.sorted() {
            guard var evidence = grouped.removeValue(forKey: rule), let first = evidence.first else { continue }
            var major = systemicFinding(
                rule: rule, like: first, records: escalating[rule]?.records ?? 0, examined: examined[rule] ?? 0,
                language: language)
            evidence.sortInPlace()
            major.evidence = evidence
            systemic.append(major)
        }
        // Systemic findings first, then the others in their order, as the sort has always seen
        // them (findings that sort alike keep that order).
        findings.insert(contentsOf: systemic, at: 0)
        findings.sortInPlace()
    }

    /// The major finding, under the rule's own id, for a rule failing on `records` of the `examined` records (its evidence
    /// not yet set).
    private static func systemicFinding(
        rule: String, like sample: Finding, records: Int, examined: Int,
        language: Language
    ) -> Finding {
        let share = ExprCompiler.percent(Double(records) / Double(max(examined, records)), in: language)
        let message =
            language == .fr
            ? "Le même écart se répète sur \(records) des \(examined) enregistrements examinés (\(share)) : la cause tient au fonctionnement du processus, pas à des oublis isolés (défaillance systémique). Les constats regroupés sont listés ci-dessous."
            : "The same lapse recurs on \(records) of the \(examined) records examined (\(share)): the cause lies in how the process works, not in isolated slips (a systemic failure). The findings grouped are listed below."
        return Finding(
            rule: rule, standard: sample.standard, clause: sample.clause, grade: .major,
            collection: sample.collection, record: nil, message: message,
            location: Finding.Location(file: nil, line: nil))
    }
}
