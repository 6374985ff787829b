/// Where a rule's clause sits among the declared clauses of a standard.
public enum ClauseCatalogue {
    /// The index of the most specific clause among `clauses` that contains `clause` (a rule on
    /// `9.2.2` belongs to a declared `9.2.2`, else to `9.2`); nil when none contains it.
    public static func bestMatch(
        for clause: String, of standard: Standard,
        among clauses: [(standard: Standard, clause: String)]
    ) -> Int? {
        // The first of the deepest, as `max(by:)` over the containing clauses would pick.
        var best: (index: Int, depth: Int)?
        for index in clauses.indices
        where clauses[index].standard == standard
            && ClauseNumber.isWithin(clause, clauses[index].clause)
        {
            let depth = ClauseNumber.parts(clauses[index].clause).count
            if depth > best?.depth ?? -1 { best = (index, depth) }
        }
        return best?.index
    }

    /// One line of `rules coverage`: a declared clause and what checks it.
    public struct Coverage: Sendable, Codable, Equatable {
        public var standard: Standard
        public var clause: String
        public var title: String
        /// The rules that check the clause (or one of its sub-clauses without its own declaration).
        public var rules: [String]
        /// True when the clause carries an item the auditor verifies on site.
        public var manual: Bool
        /// True when the clause has declared sub-clauses that are checked (by a rule or on site):
        /// the clause is covered through them.
        public var throughSubclauses = false

        /// Checked by a rule, on site, or through its sub-clauses.
        public var isCovered: Bool { !rules.isEmpty || manual || throughSubclauses }

        enum CodingKeys: String, CodingKey {
            case standard, clause, title, rules, manual
            case throughSubclauses = "through_subclauses"
        }
    }

    /// Every declared clause of `rules` with its rules and on-site item, in clause order.
    public static func coverage(of rules: RuleSet) -> [Coverage] {
        var entries: [Coverage] = []
        for declaration in rules.clauses
        where !entries.contains(where: { $0.standard == declaration.standard && $0.clause == declaration.clause }) {
            entries.append(
                Coverage(
                    standard: declaration.standard, clause: declaration.clause, title: declaration.title,
                    rules: [], manual: declaration.onSite != nil))
        }
        let keys = entries.map { (standard: $0.standard, clause: $0.clause) }
        for rule in rules.rules {
            if let index = bestMatch(for: rule.clause, of: rule.standard, among: keys) {
                entries[index].rules.append(rule.id)
            }
        }
        for check in BuiltinCheck.all {
            if let index = bestMatch(for: check.clause, of: check.standard, among: keys) {
                entries[index].rules.append(check.id)
            }
        }
        for index in entries.indices {
            entries[index].throughSubclauses = entries.contains {
                $0.standard == entries[index].standard && $0.clause != entries[index].clause
                    && ClauseNumber.isWithin($0.clause, entries[index].clause) && (!$0.rules.isEmpty || $0.manual)
            }
        }
        return entries.sorted {
            $0.standard != $1.standard ? $0.standard < $1.standard : ClauseNumber.compare($0.clause, $1.clause) < 0
        }
    }
}
