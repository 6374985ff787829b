/// One line of the corrective action plan: a nonconformity, what the organisation will do about
/// it (filled in by the organisation; an audit report does not prescribe solutions) and by when.
public struct CorrectiveAction: Sendable, Codable, Equatable {
    /// The rule that raised the finding.
    public var rule: String
    public var standard: Standard
    public var clause: String
    public var grade: Grade
    /// The record concerned, if any.
    public var record: String?
    /// The finding's message.
    public var finding: String
    /// The immediate correction (to be filled in by the organisation).
    public var correction: String
    /// The root cause found (to be filled in).
    public var rootCause: String
    /// The corrective action against the root cause (to be filled in).
    public var action: String
    /// Who is responsible (to be filled in).
    public var owner: String
    /// `YYYY-MM-DD`: when the response is due, derived from the grade and the audit date.
    public var dueOn: String?

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
        self.rule = rule
        self.standard = standard
        self.clause = clause
        self.grade = grade
        self.record = record
        self.finding = finding
        self.correction = correction
        self.rootCause = rootCause
        self.action = action
        self.owner = owner
        self.dueOn = dueOn
    }
}
