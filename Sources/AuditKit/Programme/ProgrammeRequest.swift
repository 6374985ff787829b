/// What an audit programme is planned from: the certification decision date, the organisation's
/// size, the standards, and the optional dates of the initial audit.
public struct ProgrammeRequest: Sendable {
    /// The date of the certification decision (`--certified-on`).
    public var certifiedOn: CalendarDate
    /// The effective number of personnel (IAF MD 5 1.5; part-timers converted to full-time).
    public var personnel: Int
    /// The number of sites, the central function's included (1: a single site).
    public var sites: Int
    /// The standards certified.
    public var standards: [Standard]
    /// The last day of stage 1, when known.
    public var stage1End: CalendarDate?
    /// The last day of stage 2, when known.
    public var stage2End: CalendarDate?
    /// Clauses declared not applicable: `8.3` (ISO 9001) or `iso10002:8.3`.
    public var notApplicable: [String]
    /// The programme parameters (`--param`).
    public var parameters: ProgrammeParameters

    /// A request; only the decision date has no default.
    public init(
        certifiedOn: CalendarDate, personnel: Int = 1, sites: Int = 1, standards: [Standard] = [.iso9001],
        stage1End: CalendarDate? = nil, stage2End: CalendarDate? = nil, notApplicable: [String] = [],
        parameters: ProgrammeParameters = ProgrammeParameters()
    ) {
        self.certifiedOn = certifiedOn
        self.personnel = personnel
        self.sites = sites
        self.standards = standards
        self.stage1End = stage1End
        self.stage2End = stage2End
        self.notApplicable = notApplicable
        self.parameters = parameters
    }
}
