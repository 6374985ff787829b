/// The organisation's answer to one finding of a stage 2 report (ISO/IEC 17021-1 9.4.9): what
/// was done to the record itself, why it happened, what stops it happening again, who, by when,
/// and once done, when and with what evidence.
public struct CorrectiveActionResponse: Sendable, Codable, Equatable {
    /// The parts a response needs before its plan can be accepted, in the order they are named.
    public enum Part: String, Sendable, Codable, CaseIterable {
        case correction
        case rootCause = "root_cause"
        case correctiveAction = "corrective_action"
        case owner
        case dueOn = "due_on"
        /// Needed only once the response says the action is complete.
        case evidence
    }

    /// The finding's fingerprint, when the response names it so.
    public var fingerprint: String?
    /// The rule of the finding: with ``record``, names a finding that has no fingerprint; with a
    /// fingerprint, must be that finding's rule.
    public var rule: String?
    /// The record of the finding (nil for a finding about the export as a whole).
    public var record: String?
    /// What was done to put the nonconforming record or product right.
    public var correction: String?
    /// Why the nonconformity happened.
    public var rootCause: String?
    /// What was changed so that it does not happen again.
    public var correctiveAction: String?
    /// Who is responsible for the action.
    public var owner: String?
    /// The date the action is planned to be complete (`YYYY-MM-DD`).
    public var dueOn: CalendarDate?
    /// The date the action was completed (`YYYY-MM-DD`), nil while it is not.
    public var completedOn: CalendarDate?
    /// Record ids or document references showing the action was taken.
    public var evidence: [String]
    /// A free comment.
    public var comment: String?
    /// Where the response starts in its file (1-based; 0 when built in code).
    public var line: Int
    public var column: Int

    /// Creates a response.
    public init(
        fingerprint: String? = nil, rule: String? = nil, record: String? = nil, correction: String? = nil,
        rootCause: String? = nil, correctiveAction: String? = nil, owner: String? = nil,
        dueOn: CalendarDate? = nil, completedOn: CalendarDate? = nil, evidence: [String] = [],
        comment: String? = nil, line: Int = 0, column: Int = 0
    ) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.record = record
        self.correction = correction
        self.rootCause = rootCause
        self.correctiveAction = correctiveAction
        self.owner = owner
        self.dueOn = dueOn
        self.completedOn = completedOn
        self.evidence = evidence
        self.comment = comment
        self.line = line
        self.column = column
    }

    /// The parts of the plan (correction, root cause, corrective action, owner, due date) still
    /// empty, and the evidence when the response says the action is complete but shows none.
    public var missingParts: [Part] {
        var missing: [Part] = []
        func blank(_ text: String?) -> Bool { (text ?? "").allSatisfy(\.isWhitespace) }
        if blank(correction) { missing.append(.correction) }
        if blank(rootCause) { missing.append(.rootCause) }
        if blank(correctiveAction) { missing.append(.correctiveAction) }
        if blank(owner) { missing.append(.owner) }
        if dueOn == nil { missing.append(.dueOn) }
        if completedOn != nil, evidence.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { missing.append(.evidence) }
        return missing
    }

    enum CodingKeys: String, CodingKey {
        case fingerprint, rule, record, correction, owner, evidence, comment, line
        case rootCause = "root_cause"
        case correctiveAction = "corrective_action"
        case dueOn = "due_on"
        case completedOn = "completed_on"
    }

    /// Writes every key (absent values as `null`), dates as `YYYY-MM-DD`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(rule, forKey: .rule)
        try container.encode(record, forKey: .record)
        try container.encode(correction, forKey: .correction)
        try container.encode(rootCause, forKey: .rootCause)
        try container.encode(correctiveAction, forKey: .correctiveAction)
        try container.encode(owner, forKey: .owner)
        try container.encode(dueOn?.description, forKey: .dueOn)
        try container.encode(completedOn?.description, forKey: .completedOn)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(comment, forKey: .comment)
        try container.encode(line, forKey: .line)
    }

    /// Reads a response back from a follow-up JSON report.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint)
        rule = try container.decodeIfPresent(String.self, forKey: .rule)
        record = try container.decodeIfPresent(String.self, forKey: .record)
        correction = try container.decodeIfPresent(String.self, forKey: .correction)
        rootCause = try container.decodeIfPresent(String.self, forKey: .rootCause)
        correctiveAction = try container.decodeIfPresent(String.self, forKey: .correctiveAction)
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
        dueOn = try container.decodeIfPresent(String.self, forKey: .dueOn).flatMap(CalendarDate.parse)
        completedOn = try container.decodeIfPresent(String.self, forKey: .completedOn).flatMap(CalendarDate.parse)
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        line = try container.decodeIfPresent(Int.self, forKey: .line) ?? 0
        column = 0
    }
}
