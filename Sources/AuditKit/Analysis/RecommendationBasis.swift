import Foundation

/// What the stage 2 recommendation rests on and what it waits for (ISO/IEC 17021-1 9.4.8, 9.5):
/// the clauses the records could not show, and for majors the date by which correction and
/// corrective action must be verified (six months after the last day of stage 2).
public struct RecommendationBasis: Sendable, Codable, Equatable {
    /// Clauses not assessed from the records (`ISO 9001 7.1.4`), for the auditor to cover on site.
    public var notAssessed: [String]
    /// With majors: the last day on which their correction and corrective action can be verified
    /// without a new stage 2.
    public var majorsVerifiedBy: String?

    enum CodingKeys: String, CodingKey {
        case notAssessed = "not_assessed"
        case majorsVerifiedBy = "majors_verified_by"
    }

    /// The basis of a stage 2 report dated `auditDate` (taken as the last day of stage 2).
    public init(clauses: [AuditReport.ClauseResult], findings: [Finding], auditDate: CalendarDate) {
        notAssessed = clauses.filter { $0.status == .notAssessed && !ClauseMatrix.hasSubclauses($0, in: clauses) }
            .map { "\($0.standard.title) \($0.clause)" }
        majorsVerifiedBy =
            findings.contains { $0.waiver == nil && $0.auditGrade == .major }
            ? auditDate.dateOnly.adding(months: 6).description : nil
    }
}

extension AuditReport {
    /// What the recommendation waits for, in the report's language: the deadline for majors, the
    /// plan for minors, and the clauses the records could not show. Empty before stage 2.
    public var recommendationBasisSentences: [String] {
        guard let basis = recommendationBasis else { return [] }
        let s = strings
        var sentences: [String] = []
        if let deadline = basis.majorsVerifiedBy {
            sentences.append(s.majorsDeadline.replacingOccurrences(of: "{date}", with: deadline))
        } else if stage != .certification, summary.major > 0 {
            sentences.append(s.majorsAtLaterAudit(stage))
        }
        if summary.minor > 0 { sentences.append(s.minorsPlan) }
        if !basis.notAssessed.isEmpty {
            sentences.append("\(s.notAssessedIntro)\(s.colon)" + basis.notAssessed.joined(separator: ", ") + ".")
        }
        return sentences
    }
}
