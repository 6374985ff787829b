/// One example of a rule-test file (`*.tests.yml`): records, and the findings one rule must raise.
public struct RuleTest: Sendable {
    /// A finding the rule must raise.
    public struct Expectation: Sendable, Hashable, CustomStringConvertible {
        /// The record id, or nil for a rule about the export as a whole.
        public var record: String?
        public var grade: Grade
        /// Checked when given.
        public var clause: String?
        /// A fragment the message must contain, when given.
        public var message: String?

        public init(record: String?, grade: Grade, clause: String? = nil, message: String? = nil) {
            self.record = record
            self.grade = grade
            self.clause = clause
            self.message = message
        }

        public var description: String {
            var text = "\(record ?? "(whole export)") \(grade.rawValue)"
            if let clause { text += " \(clause)" }
            if let message { text += " containing \"\(message)\"" }
            return text
        }
    }

    /// The id of the rule under test.
    public var rule: String
    /// What the example shows.
    public var name: String
    /// The export.
    public var records: Record
    /// The findings expected, in any order (empty: none).
    public var expectations: [Expectation]
    public var stage: Stage
    public var parameters: [String: String]
    public var asOf: CalendarDate
    /// The test file.
    public var file: String
    /// The line of the test in its file.
    public var line: Int

    public init(
        rule: String, name: String, records: Record, expectations: [Expectation], stage: Stage = .certification,
        parameters: [String: String] = [:], asOf: CalendarDate, file: String, line: Int
    ) {
        self.rule = rule
        self.name = name
        self.records = records
        self.expectations = expectations
        self.stage = stage
        self.parameters = parameters
        self.asOf = asOf
        self.file = file
        self.line = line
    }
}
