/// What the dossier recommends to the certification committee (ISO/IEC 17021-1 9.4.9 to 9.5.3),
/// with the nonconformities it waits for.
public struct DossierRecommendation: Sendable, Equatable, Encodable {
    /// The four possible recommendations.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// No nonconformity left open: certification can be granted.
        case grant
        /// Minors only: grant once their action plans are accepted.
        case grantOncePlansAccepted = "grant_once_plans_accepted"
        /// A major not yet verified: no certification until its correction and corrective action are.
        case notUntilMajorsVerified = "not_until_majors_verified"
        /// A major not verified within six months of the last day of stage 2: a new stage 2 audit.
        case newStage2Needed = "new_stage2_needed"
    }

    /// Why the recommendation: one nonconformity it waits for, or what lets it grant.
    public struct Reason: Sendable, Equatable, Encodable {
        /// The finding it concerns, when it concerns one.
        public var fingerprint: String?
        /// The reason in the dossier's language.
        public var text: String
    }

    public var outcome: Outcome
    public var reasons: [Reason]

    /// The recommendation on the stage 2 nonconformities `items` (their grades and, with a
    /// follow-up, their statuses), the follow-up's conclusion and the six-month deadline.
    static func decide(
        items: [CertificationDossier.Nonconformity], followUp: FollowUpReport?,
        majorsVerifiedBy: String?, strings: DossierStrings
    ) -> DossierRecommendation {
        let majors = items.filter { $0.grade == .major }
        let minors = items.filter { $0.grade == .minor }
        let unverifiedMajors = majors.filter { $0.status != .verified }
        let openMinors = minors.filter { $0.status != .verified && $0.status != .planAccepted }
        func reasons(_ items: [CertificationDossier.Nonconformity]) -> [Reason] {
            items.map { Reason(fingerprint: $0.fingerprint, text: strings.reason(for: $0, deadline: majorsVerifiedBy)) }
        }
        if let followUp, followUp.conclusion == .newStage2Needed {
            let overdue = unverifiedMajors.filter { $0.status == .overdue }
            return DossierRecommendation(
                outcome: .newStage2Needed,
                reasons: [Reason(fingerprint: nil, text: strings.newStage2Reason(deadline: followUp.majorsVerifiedBy))]
                    + reasons(overdue.isEmpty ? unverifiedMajors : overdue))
        }
        if !unverifiedMajors.isEmpty {
            return DossierRecommendation(outcome: .notUntilMajorsVerified, reasons: reasons(unverifiedMajors))
        }
        if !openMinors.isEmpty {
            return DossierRecommendation(outcome: .grantOncePlansAccepted, reasons: reasons(openMinors))
        }
        let text =
            items.isEmpty
            ? strings.noNonconformity
            : strings.allAnswered(majors: majors.count, minors: minors.count, followUpDate: followUp?.asOf)
        return DossierRecommendation(outcome: .grant, reasons: [Reason(fingerprint: nil, text: text)])
    }
}
