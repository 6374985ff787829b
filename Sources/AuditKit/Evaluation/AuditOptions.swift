/// What one check run is asked to do.
public struct AuditOptions: Sendable {
    /// The audit date every time-based rule is evaluated against.
    public var asOf: CalendarDate
    /// Stage 1 (initial assessment) or stage 2 (certification audit).
    public var stage: Stage
    /// The standards to check; nil means those the export claims, or both when it claims none.
    public var standards: Set<Standard>?
    /// `--param NAME=VALUE` overrides, as typed.
    public var parameters: [String: String]
    /// When set, only these rules run and the built-in checks are left out (rule tests use this).
    public var onlyRules: Set<String>?
    /// The language of rule texts (titles, messages, guidance) in the report.
    public var language: Language
    /// Waivers and baseline, for pipelines.
    public var pipeline = PipelineOptions()
    /// Who the report is for: the organisation itself (with what to fix) or a certification auditor.
    public var audience: Audience = .self
    /// Surveillance only: the clauses the audit programme assigns to this surveillance
    /// (`--cover 7.1.5 8.4`), audited beside the 9.6.2.2 topics; sub-clauses included.
    public var cover: [String] = []
    /// Surveillance and recertification: the previous audit's report, whose findings are
    /// re-checked against this run's (`--previous`, `--responses`).
    public var previous: PreviousAuditInput?

    /// Creates options.
    public init(
        asOf: CalendarDate, stage: Stage = .certification, standards: Set<Standard>? = nil,
        parameters: [String: String] = [:], onlyRules: Set<String>? = nil, language: Language = .en
    ) {
        self.onlyRules = onlyRules
        self.language = language
        self.asOf = asOf
        self.stage = stage
        self.standards = standards
        self.parameters = parameters
    }
}
