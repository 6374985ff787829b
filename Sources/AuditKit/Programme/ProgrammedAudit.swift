/// One audit of the certification cycle: when it must happen, how long it takes, what it covers.
public struct ProgrammedAudit: Sendable, Equatable {
    /// The kinds of audit of a three-year cycle (ISO/IEC 17021-1 9.1.3).
    public enum Kind: String, Sendable, CaseIterable {
        case stage1 = "stage1"
        case stage2 = "stage2"
        case surveillance1 = "surveillance1"
        case surveillance2 = "surveillance2"
        case recertification = "recertification"
    }

    /// Which audit of the cycle this is.
    public var kind: Kind
    /// The first day of the target window; nil for the initial audit without given dates.
    public var earliest: CalendarDate?
    /// The last day by which the audit must be complete; nil when no date was given.
    public var latest: CalendarDate?
    /// The date the audit is planned on; nil for the initial audit without given dates.
    public var planned: CalendarDate?
    /// The audit time, in auditor-days.
    public var auditorDays: AuditorDays
    /// Sites to visit besides the central function (IAF MD 1 sample size); 1 for a single site.
    public var sitesToVisit: Int
    /// The clauses the audit covers, in clause order.
    public var clauses: [ProgrammeClause]
    /// The 17021-1 9.6.2.2 topics the audit must cover (every surveillance; empty otherwise).
    public var topics: [SurveillanceTopic]

    /// True for the two surveillance audits.
    public var isSurveillance: Bool { kind == .surveillance1 || kind == .surveillance2 }
}
