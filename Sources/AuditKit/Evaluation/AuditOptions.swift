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
    /// The language of rule texts (titles, messages, guidance) in the report.
    public var language: Language

    /// Creates options.
    public init(asOf: CalendarDate, stage: Stage = .certification, standards: Set<Standard>? = nil,
                parameters: [String: String] = [:], language: Language = .en) {
        self.language = language
        self.asOf = asOf
        self.stage = stage
        self.standards = standards
        self.parameters = parameters
    }
}
