/// ISO/IEC 17021-1: several minor nonconformities against the same requirement show a systemic
/// failure, which is a major nonconformity. When one clause fails on `threshold` or more records,
/// its minor findings are replaced by one major finding that lists them as evidence.
enum SystemicEscalation {
    /// The parameter that sets the threshold (default 3) when a rule file declares it.
    static let parameterName = "systemic_threshold"
    static let defaultThreshold = 3

    static func apply(to findings: [Finding], threshold: Int, language: Language = .en) -> [Finding] {
        guard threshold > 1 else { return findings }
        var groups: [String: [Finding]] = [:]
        for finding in findings where finding.grade == .minor && finding.record != nil {
            groups["\(finding.standard.rawValue) \(finding.clause)", default: []].append(finding)
        }
        var escalated = Set<Finding>()
        var result: [Finding] = []
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            let records = Set(group.compactMap(\.record))
            guard records.count >= threshold, let first = group.first else { continue }
            escalated.formUnion(group)
            let byRule = Dictionary(grouping: group, by: \.rule).sorted { $0.key < $1.key }
                .map { rule, items in "\(rule) \(language == .fr ? "sur" : "on") " + items.compactMap(\.record).joined(separator: ", ") }
            var systemic = Finding(
                rule: BuiltinCheck.systemic.id, standard: first.standard, clause: first.clause, grade: .major,
                record: nil,
                message: language == .fr
                    ? "L'exigence \(first.clause) n'est pas satisfaite sur \(records.count) enregistrements, ce qui révèle une défaillance systémique plutôt que des écarts isolés : \(byRule.joined(separator: " ; "))."
                    : "Clause \(first.clause) is not met on \(records.count) records, which points to a systemic failure rather than isolated lapses: \(byRule.joined(separator: "; ")).",
                location: Finding.Location(file: nil, line: nil))
            systemic.evidence = group.sorted()
            result.append(systemic)
        }
        result += findings.filter { !escalated.contains($0) }
        return result.sorted()
    }
}
