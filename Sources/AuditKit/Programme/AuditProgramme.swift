/// The audit programme of a three-year certification cycle (ISO/IEC 17021-1 9.1.3): the initial
/// audit in two stages, two surveillance audits and the recertification audit, each with its
/// window, planned date, audit time (IAF MD 5) and clauses.
public struct AuditProgramme: Sendable, Equatable {
    /// The date of the certification decision: the cycle starts there.
    public var certifiedOn: CalendarDate
    /// The certificate's expiry: three years after the decision.
    public var expiresOn: CalendarDate
    /// The effective number of personnel the audit time is read for.
    public var personnel: Int
    /// The number of sites (1: a single site).
    public var sites: Int
    /// The standards certified.
    public var standards: [Standard]
    /// The parameters the programme was planned with.
    public var parameters: ProgrammeParameters
    /// The initial audit time (stage 1 + stage 2) read from the MD 5 table, before adjustment.
    public var tableTime: AuditorDays
    /// The initial audit time after the complexity adjustment.
    public var initialTime: AuditorDays
    /// True when the headcount lies beyond the MD 5 table and the time was extrapolated.
    public var extrapolated: Bool
    /// The applicable clauses (leaf clauses of the rule set, minus those declared not applicable).
    public var applicable: [ProgrammeClause]
    /// The clauses declared not applicable, as given.
    public var notApplicable: [String]
    /// The audits, in the order of the cycle.
    public var audits: [ProgrammedAudit]
    /// SHA-256 of the rule files the clauses come from.
    public var ruleSetFingerprint: String

    /// The audit of `kind`.
    public func audit(_ kind: ProgrammedAudit.Kind) -> ProgrammedAudit? { audits.first { $0.kind == kind } }
}
