/// Checks the engine makes itself, beside the rule files: they need no rule file and cannot be
/// switched off, because a wrong answer here would mislead every other rule. Every one of them is
/// listed once, in ``all``, with where it reports and when it runs.
public struct BuiltinCheck: Sendable {
    /// Where a check's findings are reported under one standard.
    public struct Placement: Sendable, Equatable {
        public var standard: Standard
        public var clause: String

        /// A clause of a standard.
        public init(_ standard: Standard, _ clause: String) {
            self.standard = standard
            self.clause = clause
        }
    }

    /// When a check takes part in a run.
    public enum Occasion: Sendable, Equatable {
        /// In every run.
        case everyRun
        /// When the run checks this standard.
        case standardChecked(Standard)
        /// When waivers are given (`--waivers`): the waivers file is what it checks.
        case waiversGiven
        /// When the previous audit's findings are re-checked (`--previous`).
        case previousAuditRechecked
    }

    public var id: String
    public var title: String
    /// Where the check reports, for each standard it serves, the first preferred: a run reports
    /// it under the first standard it checks, or under the first one when it checks none of them.
    public var placements: [Placement]
    public var grade: Grade
    public var guidance: String
    /// French title and guidance.
    public var titleFR: String = ""
    public var guidanceFR: String = ""
    /// When the check takes part in a run (its line in the rule results, its clause in the matrix).
    public var occasion: Occasion
    /// True when the check reads the export's records, so it finds nothing when a run is limited
    /// to chosen rules (rule tests), and a previous finding of it can be re-checked.
    public var readsRecords: Bool
    /// False when another check of the same clause already names the clause's line of the matrix
    /// (both 4.3 checks read the same declarations; the matrix names the first).
    public var namedInClauseMatrix = true

    /// The standard of its first placement (as `rules list` shows it).
    public var standard: Standard { placements[0].standard }
    /// The clause of its first placement.
    public var clause: String { placements[0].clause }

    /// Where the check reports in a run checking `standards`.
    public func placement(checking standards: Set<Standard>) -> Placement {
        placements.first { standards.contains($0.standard) } ?? placements[0]
    }

    /// Whether the check takes part in a run checking `standards`, with waivers given or not,
    /// re-checking a previous audit or not.
    public func takesPart(checking standards: Set<Standard>, waiversGiven: Bool, previousAudit: Bool) -> Bool {
        switch occasion {
        case .everyRun: return true
        case .standardChecked(let standard): return standards.contains(standard)
        case .waiversGiven: return waiversGiven
        case .previousAuditRechecked: return previousAudit
        }
    }

    /// The title in `language` (English when no translation exists).
    public func title(in language: Language) -> String { language == .fr && !titleFR.isEmpty ? titleFR : title }

    /// The guidance in `language` (English when no translation exists).
    public func guidance(in language: Language) -> String {
        language == .fr && !guidanceFR.isEmpty ? guidanceFR : guidance
    }
}
