/// The auditor's recommendation to the certification committee at the end of stage 2
/// (ISO/IEC 17021-1 9.5): majors must be corrected and verified before certification; for minors,
/// the committee needs an accepted corrective action plan.
public enum Recommendation: String, Sendable, Codable {
    /// No nonconformity: recommend certification.
    case recommend
    /// Minors only: recommend once the corrective action plan for them is accepted.
    case recommendOncePlanAccepted = "recommend_once_plan_accepted"
    /// At least one major: not recommended until the majors are corrected and verified.
    case notRecommended = "not_recommended"

    /// The recommendation the findings call for.
    public init(findings: [Finding]) {
        if findings.contains(where: { $0.auditGrade == .major }) {
            self = .notRecommended
        } else if findings.contains(where: { $0.auditGrade == .minor }) {
            self = .recommendOncePlanAccepted
        } else {
            self = .recommend
        }
    }
}
