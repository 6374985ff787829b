/// One line of the corrective action plan: a nonconformity, what the organisation will do about
/// it (filled in by the organisation; an audit report does not prescribe solutions) and by when.
public struct CorrectiveAction: Sendable, Codable, Equatable {
    // Stored in this order, the two one-byte properties last: 96 bytes a line, not 160.
    /// The rule that raised the finding.
    public var rule: String
    public var clause: String
    /// The record concerned, if any.
    public var record: String?
    /// `YYYY-MM-DD`: when the response is due, derived from the grade and the audit date.
    public var dueOn: String?
    /// The finding's message as the finding keeps it (written when read).
    var text: FindingText
    /// The organisation's four columns; nil while all are empty.
    private var response: Response?
    public var standard: Standard
    public var grade: Grade

    /// The finding's message.
    public var finding: String {
        get { text.message }
        set { text = .given(newValue) }
    }
    /// The immediate correction (to be filled in by the organisation).
    public var correction: String {
        get { columns.correction }
        set { columns.correction = newValue }
    }
    /// The root cause found (to be filled in).
    public var rootCause: String {
        get { columns.rootCause }
        set { columns.rootCause = newValue }
    }
    /// The corrective action against the root cause (to be filled in).
    public var action: String {
        get { columns.action }
        set { columns.action = newValue }
    }
    /// Who is responsible (to be filled in).
    public var owner: String {
        get { columns.owner }
        set { columns.owner = newValue }
    }
    /// The organisation's four columns, empty ones while nothing is filled in.
    private var columns: Columns {
        get { response?.columns ?? Columns() }
        set { response = Response(newValue) }
    }

    enum CodingKeys: String, CodingKey {
        case rule, standard, clause, grade, record, finding, correction, action, owner
        case rootCause = "root_cause"
        case dueOn = "due_on"
    }

    /// Creates a line with the organisation's columns empty.
    public init(
        rule: String, standard: Standard, clause: String, grade: Grade, record: String?, finding: String,
        dueOn: String?, correction: String = "", rootCause: String = "", action: String = "", owner: String = ""
    ) {
        self.init(
            rule: rule, standard: standard, clause: clause, grade: grade, record: record, text: .given(finding),
            dueOn: dueOn, correction: correction, rootCause: rootCause, action: action, owner: owner)
    }

    /// Creates a line whose finding's message is `text`.
    init(
        rule: String, standard: Standard, clause: String, grade: Grade, record: String?, text: FindingText,
        dueOn: String?, correction: String = "", rootCause: String = "", action: String = "", owner: String = ""
    ) {
        self.rule = rule
        self.standard = standard
        self.clause = clause
        self.grade = grade
        self.record = record
        self.text = text
        self.response = Response(Columns(correction: correction, rootCause: rootCause, action: action, owner: owner))
        self.dueOn = dueOn
    }
}

extension CorrectiveAction {
    /// Reads a line from a JSON report.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try container.decode(String.self, forKey: .rule),
            standard: try container.decode(Standard.self, forKey: .standard),
            clause: try container.decode(String.self, forKey: .clause),
            grade: try container.decode(Grade.self, forKey: .grade),
            record: try container.decodeIfPresent(String.self, forKey: .record),
            finding: try container.decode(String.self, forKey: .finding),
            dueOn: try container.decodeIfPresent(String.self, forKey: .dueOn),
            correction: try container.decode(String.self, forKey: .correction),
            rootCause: try container.decode(String.self, forKey: .rootCause),
            action: try container.decode(String.self, forKey: .action),
            owner: try container.decode(String.self, forKey: .owner))
    }

    /// Writes the line, absent values left out.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(standard, forKey: .standard)
        try container.encode(clause, forKey: .clause)
        try container.encode(grade, forKey: .grade)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encode(finding, forKey: .finding)
        try container.encode(correction, forKey: .correction)
        try container.encode(rootCause, forKey: .rootCause)
        try container.encode(action, forKey: .action)
        try container.encode(owner, forKey: .owner)
        try container.encodeIfPresent(dueOn, forKey: .dueOn)
    }
}
