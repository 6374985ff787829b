/// One rule (or built-in check) evaluated in a run, with its texts in the report language: what
/// JUnit test cases, SARIF rule metadata and audit statements are written from.
public struct RuleResult: Sendable, Codable, Equatable {
    public var id: String
    /// The requirement in plain words (`title`, or `title.fr` in a French report).
    public var title: String
    public var standard: Standard
    public var clause: String
    /// The default grade.
    public var grade: Grade
    /// What the requirement means and what to fix, when the rule gives it.
    public var guidance: String?
    /// Findings it raised in this run.
    public var findings: Int
    /// The names of the values its messages show (`count(complaints)`), in the order of each
    /// finding's `arguments`; empty for built-in checks.
    public var arguments: [String] = []

    enum CodingKeys: String, CodingKey { case id, title, standard, clause, grade, guidance, findings, arguments }

    /// Creates a rule result.
    public init(
        id: String, title: String, standard: Standard, clause: String, grade: Grade,
        guidance: String?, findings: Int
    ) {
        self.id = id
        self.title = title
        self.standard = standard
        self.clause = clause
        self.grade = grade
        self.guidance = guidance
        self.findings = findings
    }
}
