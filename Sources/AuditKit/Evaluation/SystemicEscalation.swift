/// ISO/IEC 17021-1: several minor nonconformities against the same requirement show a systemic
/// failure, which is a major nonconformity. When one clause fails on `threshold` or more records,
/// its minor findings are replaced by one major finding that lists them as evidence.
enum SystemicEscalation {
    /// The parameter that sets the threshold (default 3) when a rule file declares it.
    static let parameterName = "systemic_threshold"
    static let defaultThreshold = 3

    /// Replaces, in `findings`, the minor findings of each clause that fails on `threshold` or
    /// more records with one major finding listing them, and sorts the findings. A threshold
    /// below 2 changes nothing.
    static func apply(to findings: inout [Finding], threshold: Int, language: Language = .en) {
        guard threshold > 1 else { return }
        // Groups hold positions, not findings: hashing whole findings (messages and all) to find
        // the escalated ones cost more than everything else here.
        var groups: [String: [Int]] = [:]
        findings.withUnsafeBufferPointer { all in
            for index in all.indices where all[index].grade == .minor && all[index].record != nil {
                groups["\(all[index].standard.rawValue) \(all[index].clause)", default: []].append(index)
            }
        }
        var escalated = [Bool](repeating: false, count: findings.count)
        var result: [Finding] = []
        // Findings are moved, never copied: a copy retains every string in it.
        let placeholder = Finding(rule: "", standard: .iso9001, clause: "", grade: .minor, record: nil, message: "",
                                  location: Finding.Location(file: nil, line: nil))
        func take(_ index: Int) -> Finding {
            var taken = placeholder
            swap(&taken, &findings[index])
            return taken
        }
        for (_, indices) in groups.sorted(by: { $0.key < $1.key }) {
            // Read in place: through the array's subscript, each finding read was copied.
            guard var systemic = findings.withUnsafeBufferPointer({ systemicFinding(indices, of: $0, threshold: threshold, language: language) })
            else { continue }
            let order = findings.withUnsafeBufferPointer { all in
                indices.sorted { Finding.precedes(all.baseAddress! + $0, all.baseAddress! + $1) }
            }
            for index in indices { escalated[index] = true }
            systemic.evidence = order.map(take)
            result.append(systemic)
        }
        result.reserveCapacity(result.count + escalated.count { !$0 })
        for index in escalated.indices where !escalated[index] { result.append(take(index)) }
        result.sort()
        findings = result
    }

    /// The major finding for the group of minor findings at `indices` in `all` (its evidence not
    /// yet set), or nil when they concern fewer than `threshold` records.
    private static func systemicFinding(_ indices: [Int], of all: UnsafeBufferPointer<Finding>, threshold: Int,
                                        language: Language) -> Finding? {
        let records = Set(indices.compactMap { all[$0].record })
        guard records.count >= threshold, let first = indices.first else { return nil }
        let byRule = Dictionary(grouping: indices, by: { all[$0].rule }).sorted { $0.key < $1.key }
            .map { rule, items in
                "\(rule) \(language == .fr ? "sur" : "on") " + items.compactMap { all[$0].record }.joined(separator: ", ")
            }
        let clause = all[first].clause
        return Finding(
            rule: BuiltinCheck.systemic.id, standard: all[first].standard, clause: clause, grade: .major,
            record: nil,
            message: language == .fr
                ? "L'exigence \(clause) n'est pas satisfaite sur \(records.count) enregistrements, ce qui révèle une défaillance systémique plutôt que des écarts isolés : \(byRule.joined(separator: " ; "))."
                : "Clause \(clause) is not met on \(records.count) records, which points to a systemic failure rather than isolated lapses: \(byRule.joined(separator: "; ")).",
            location: Finding.Location(file: nil, line: nil))
    }
}
