/// The moments of the certification cycle an audit can be run for (ISO/IEC 17021-1 9.3, 9.6).
public enum Stage: String, Sendable, Codable, CaseIterable {
    /// Stage 1, the initial assessment: is the documented system there, where are the gaps.
    case initial
    /// Stage 2, the certification audit: is the system implemented and effective.
    case certification
    /// A surveillance audit (9.6.2): the 9.6.2.2 topics every year, plus the clauses the audit
    /// programme assigns to this one.
    case surveillance
    /// The recertification audit (9.6.3): the full clause set, and the system's effectiveness
    /// over the whole certification cycle.
    case recertification

    /// The stages of the initial audit: what `both` means in a rule file, and a rule's stages
    /// when it names none.
    public static let initialAudit: Set<Stage> = [.initial, .certification]

    /// True when findings are graded and the report ends in a recommendation to the
    /// certification committee: every stage but stage 1.
    public var isGraded: Bool { self != .initial }

    /// True at the audits of a certified organisation, which follow up the nonconformities of
    /// the previous audit (`--previous`).
    public var followsPreviousAudit: Bool { self == .surveillance || self == .recertification }
}
