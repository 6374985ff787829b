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

    /// Replaces, in `findings`, the minor findings of each rule that fails systemically (see
    /// ``Policy``) with one major finding listing them, and sorts the findings. `examined` holds,
    /// per rule id, the number of records the rule examined.
    static func apply(to findings: inout [Finding], policy: Policy, examined: [String: Int], language: Language = .en) {
        guard policy.threshold > 1 else { return }
        var groups: [String: [Int]] = [:]
        for index in findings.indices
        where findings[index].grade == .minor && findings[index].record != nil
            && examined[findings[index].rule] != nil
        {
            groups[findings[index].rule, default: []].append(index)
        }
        var escalated = [Bool](repeating: false, count: findings.count)
        var systemic: [Finding] = []
        // Findings are moved, never copied: a copy retains every string in it.
        let placeholder = Finding(
            rule: "", standard: .iso9001, clause: "", grade: .minor, record: nil, message: "",
            location: Finding.Location(file: nil, line: nil))
        func take(_ index: Int) -> Finding {
            var taken = placeholder
            swap(&taken, &findings[index])
            return taken
        }
        for (rule, indices) in groups.sorted(by: { $0.key < $1.key }) {
            let records = Set(indices.compactMap { findings[$0].record })
            let total = examined[rule] ?? 0
            guard policy.isSystemic(failing: records.count, examined: total), let first = indices.first else {
                continue
            }
            var major = systemicFinding(
                rule: rule, like: findings[first], records: records.count, examined: total,
                language: language)
            // Compared in place: through the array's subscript each comparison copied two findings.
            let order = findings.withUnsafeBufferPointer { all in
                indices.sorted { Finding.precedes(all.baseAddress! + $0, all.baseAddress! + $1) }
            }
            for index in indices { escalated[index] = true }
            major.evidence = order.map(take)
            systemic.append(major)
        }
        guard !systemic.isEmpty else {
            findings.sort()
            return
        }
        // The findings left are moved down in place over the escalated ones (within the array's
        // room): a second array of every finding was the largest block of the run's last moments.
        var kept = 0
        for index in escalated.indices where !escalated[index] {
            if kept != index { findings.swapAt(kept, index) }
            kept += 1
        }
        findings.removeLast(findings.count - kept)
        // Systemic findings first, then the others in their order, as the sort has always seen
        // them (findings that sort alike keep that order).
        findings.insert(contentsOf: systemic, at: 0)
        findings.sort()
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
