/// Builds the clause matrix of a report: every clause of the selected standards with its status.
enum ClauseMatrix {
    static func build(catalogue: [ClauseDeclaration], standards: Set<Standard>, evaluated: [RuleDeclaration],
                      builtins: [(Standard, String, String)], findings: [Finding],
                      declarations: [NotApplicableDeclaration], language: Language = .en) -> [AuditReport.ClauseResult] {
        var entries: [AuditReport.ClauseResult] = []
        var seen = Set<String>()
        for declaration in catalogue where standards.contains(declaration.standard) {
            guard seen.insert("\(declaration.standard.rawValue) \(declaration.clause)").inserted else { continue }
            entries.append(.init(standard: declaration.standard, clause: declaration.clause,
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
            if let best = ClauseCatalogue.bestMatch(for: clause, of: standard,
                                                    among: entries.map { ($0.standard, $0.clause) }) {
                matched[key] = best
                return best
            }
            entries.append(.init(standard: standard, clause: clause, title: "", status: .notAssessed,
                                 verifyOnSite: nil, rules: []))
            matched[key] = entries.count - 1
            return entries.count - 1
        }
        for (standard, clause, id) in builtins + evaluated.map({ ($0.standard, $0.clause, $0.id) }) {
            let index = entryIndex(standard, clause)
            if !entries[index].rules.contains(id) { entries[index].rules.append(id) }
            entries[index].status = .conforming
        }
        for finding in findings {
            entries[entryIndex(finding.standard, finding.clause)].status = .gap
        }
        for index in entries.indices where entries[index].standard == .iso9001
            && Applicability.isNotApplicable(entries[index].clause, declarations) {
            entries[index].status = .notApplicable
            entries[index].justification = declarations.first {
                $0.accepted && ClauseNumber.isWithin(entries[index].clause, $0.clause)
            }?.justification
        }
        return entries.sorted {
            $0.standard != $1.standard ? $0.standard < $1.standard : ClauseNumber.compare($0.clause, $1.clause) < 0
        }
    }
}
