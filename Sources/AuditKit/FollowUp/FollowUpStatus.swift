/// Where the answer to one finding stands at follow-up (ISO/IEC 17021-1 9.4.9 to 9.5).
public enum FollowUpStatus: String, Sendable, Codable, CaseIterable {
    /// The response is complete, says the action is done, and the rule no longer fires for that
    /// record on the new export.
    case verified
    /// The response is complete (correction, root cause, corrective action, owner, due date): for
    /// a minor this suffices for certification, its implementation being verified at the next audit.
    case planAccepted = "plan-accepted"
    /// Parts of the response are missing (named in the result).
    case responseIncomplete = "response-incomplete"
    /// The response says the action is complete, but the rule still fires on the new export.
    case notEffective = "not-effective"
    /// Past its own due date without completion, or a major not verified within six months of
    /// the last day of stage 2.
    case overdue
    /// No response answers the finding.
    case noResponse = "no-response"

    /// True when the status is enough for certification for a finding of `grade`: a major must be
    /// verified; a minor needs at least an accepted plan; observations and opportunities need nothing.
    public func suffices(for grade: Grade) -> Bool {
        switch grade {
        case .major: return self == .verified
        case .minor: return self == .verified || self == .planAccepted
        case .observation, .opportunity, .concern: return true
        }
    }
}

/// What the follow-up concludes for the certification decision.
public enum FollowUpConclusion: String, Sendable, Codable {
    /// Every major verified and every minor's plan at least accepted: certification can be decided.
    case allMajorsVerifiedMinorPlansAccepted = "all_majors_verified_minor_plans_accepted"
    /// Some nonconformity still lacks what certification needs.
    case openItems = "open_items"
    /// A major was not verified within six months of the last day of stage 2: a new stage 2 audit
    /// is needed before certification.
    case newStage2Needed = "new_stage2_needed"
}
