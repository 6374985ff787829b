/// The seven quality management principles of ISO 9000:2015 2.3 (listed in ISO 9001 0.2), each
/// mapped to the clauses that mainly carry it. The mapping is interpretive: ISO gives none.
public enum QualityPrinciple: String, Sendable, Codable, CaseIterable {
    case customerFocus = "customer_focus"
    case leadership
    case engagementOfPeople = "engagement_of_people"
    case processApproach = "process_approach"
    case improvement
    case evidenceBasedDecisionMaking = "evidence_based_decision_making"
    case relationshipManagement = "relationship_management"

    /// The ISO 9001 clauses that mainly carry the principle.
    public var iso9001Clauses: [String] {
        switch self {
        case .customerFocus: return ["5.1.2", "8.2", "9.1.2", "9.3.2", "10.1"]
        case .leadership: return ["5.1.1", "5.2", "5.3", "6.2", "9.3"]
        case .engagementOfPeople: return ["5.1.1", "7.1.2", "7.2", "7.3", "7.4"]
        case .processApproach: return ["4.4", "6.1", "8.1"]
        case .improvement: return ["6.1", "9.3.3", "10.1", "10.2", "10.3"]
        case .evidenceBasedDecisionMaking: return ["7.1.5", "9.1.1", "9.1.3", "9.2", "9.3.2"]
        case .relationshipManagement: return ["4.2", "8.4", "8.5.3", "9.1.3", "9.3.2"]
        }
    }

    /// True when ISO 10002 as a whole carries the principle (customer focus).
    public var includesISO10002: Bool { self == .customerFocus }

    /// Where the organisation stands on every principle, from the clause matrix.
    public static func standings(clauses: [AuditReport.ClauseResult], findings: [Finding]) -> [PrincipleStanding] {
        // Major findings counted per clause once, so each principle looks at a few clauses rather
        // than at every finding.
        struct ClauseKey: Hashable {
            var standard: Standard
            var clause: String
        }
        var majorsByClause: [ClauseKey: Int] = [:]
        for index in findings.indices where findings[index].grade == .major {
            majorsByClause[ClauseKey(standard: findings[index].standard, clause: findings[index].clause), default: 0] +=
                1
        }
        return allCases.map { principle in
            func covers(_ standard: Standard, _ clause: String) -> Bool {
                if standard == .iso10002 { return principle.includesISO10002 }
                return principle.iso9001Clauses.contains {
                    ClauseNumber.isWithin(clause, $0) || ClauseNumber.isWithin($0, clause)
                }
            }
            let mapped = clauses.filter { covers($0.standard, $0.clause) }
            let majors = majorsByClause.reduce(0) { $0 + (covers($1.key.standard, $1.key.clause) ? $1.value : 0) }
            return PrincipleStanding(
                principle: principle, clauses: principle.iso9001Clauses,
                conforming: mapped.filter { $0.status == .conforming }.count,
                gaps: mapped.filter { $0.status == .gap }.count,
                notAssessed: mapped.filter { $0.status == .notAssessed }.count,
                majorFindings: majors)
        }
    }
}
