/// Builds the clause matrix of a report: every clause of the selected standards with its status.
enum ClauseMatrix {
    /// - Parameter builtins: the built-in checks taking part in the run; each names the clause
    ///   where it reports in a run checking `standards` (unless another check names it).
    static func build(
        catalogue: [ClauseDeclaration], standards: Set<Standard>, evaluated: [RuleDeclaration],
        builtins: [BuiltinCheck], findings: [Finding],
        declarations: [NotApplicableDeclaration], language: Language = .en
    ) -> [AuditReport.ClauseResult] {
        var entries: [AuditReport.ClauseResult] = []
        var seen = Set<String>()
        for declaration in catalogue where standards.contains(declaration.standard) {
            guard seen.insert("\(declaration.standard.rawValue) \(declaration.clause)").inserted else { continue }
            entries.append(
                .init(
                    standard: declaration.standard, clause: declaration.clause,
                    title: declaration.localizedTitle(language), status: .notAssessed,
                    verifyOnSite: declaration.localizedOnSite(language), rules: [],
                    requirement: declaration.localizedRequirement(language)))
        }
        // Remembered per clause: an entry added later never matches a clause better than the one
        // found before (it is only added for a clause nothing matched, so it is no deeper than the
        // match of any clause within it).
        var matched: [String: Int] = [:]
        func entryIndex(_ standard: Standard, _ clause: String) -> Int {
            let key = "\(standard.rawValue) \(clause)"
            if let index = matched[key] { return index }
            if let best = ClauseCatalogue.bestMatch(
                for: clause, of: standard,
                among: entries.map { ($0.standard, $0.clause) })
            {
                matched[key] = best
                return best
            }
            entries.append(
                .init(
                    standard: standard, clause: clause, title: "", status: .notAssessed,
                    verifyOnSite: nil, rules: []))
            matched[key] = entries.count - 1
            return entries.count - 1
        }
        let checkers =
            builtins.filter(\.namedInClauseMatrix).map { ($0.id, $0.placement(checking: standards)) }
            + evaluated.map { ($0.id, BuiltinCheck.Placement($0.standard, $0.clause)) }
        for (id, placement) in checkers {
            let index = entryIndex(placement.standard, placement.clause)
            if !entries[index].rules.contains(id) { entries[index].rules.append(id) }
            entries[index].status = .conforming
        }
        for finding in findings {
            entries[entryIndex(finding.standard, finding.clause)].status = .gap
        }
        for index in entries.indices
        where entries[index].standard == .iso9001
            && Applicability.isNotApplicable(entries[index].clause, declarations)
        {
            entries[index].status = .notApplicable
            entries[index].justification =
                declarations.first {
                    $0.accepted && ClauseNumber.isWithin(entries[index].clause, $0.clause)
                }?.justification
        }
        rollUp(&entries)
        return entries.sorted {
            $0.standard != $1.standard ? $0.standard < $1.standard : ClauseNumber.compare($0.clause, $1.clause) < 0
        }
    }

    /// A clause declared with sub-clauses stands as its sub-clauses and its own rules together:
    /// a gap in 6.2.2 is a gap in 6.2, so 6.2 never reads "not assessed" above it.
    static func rollUp(_ entries: inout [AuditReport.ClauseResult]) {
        let original = entries
        for index in entries.indices {
            let parent = original[index]
            let children = original.filter {
                $0.standard == parent.standard && $0.clause != parent.clause
                    && ClauseNumber.isWithin($0.clause, parent.clause)
            }
            guard !children.isEmpty, parent.status != .notApplicable else { continue }
            let statuses = children.map(\.status) + (parent.rules.isEmpty ? [] : [parent.status])
            if statuses.contains(.gap) {
                entries[index].status = .gap
            } else if statuses.contains(.conforming) {
                entries[index].status = .conforming
            } else if !statuses.isEmpty, statuses.allSatisfy({ $0 == .notApplicable }) {
                entries[index].status = .notApplicable
            }
        }
    }

    /// True when another clause of `clauses` lies within `clause`: its line sums up its
    /// sub-clauses and is not counted again in readiness.
    static func hasSubclauses(_ clause: AuditReport.ClauseResult, in clauses: [AuditReport.ClauseResult]) -> Bool {
        clauses.contains {
            $0.standard == clause.standard && $0.clause != clause.clause
                && ClauseNumber.isWithin($0.clause, clause.clause)
        }
    }
}
