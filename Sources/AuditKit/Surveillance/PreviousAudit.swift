/// The findings of the previous audit and where each stands at this one: the report's
/// `previous` section, present only when `--previous` was given.
public struct PreviousAudit: Sendable, Codable, Equatable {
    /// One finding of the previous report, re-checked.
    public struct Item: Sendable, Codable, Equatable {
        /// Its fingerprint in the previous report.
        public var fingerprint: String
        public var rule: String
        public var standard: Standard
        public var clause: String
        /// Its grade in the previous report.
        public var grade: Grade
        /// The record concerned, nil for a finding about the export as a whole.
        public var record: String?
        /// Its message, quoted from the previous report (in that report's language).
        public var message: String
        public var status: PreviousFindingStatus

        /// Creates an item.
        public init(
            fingerprint: String, rule: String, standard: Standard, clause: String, grade: Grade,
            record: String?, message: String, status: PreviousFindingStatus
        ) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.standard = standard
            self.clause = clause
            self.grade = grade
            self.record = record
            self.message = message
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, standard, clause, grade, record, message, status
        }

        /// Encodes every member, `record` as `null` for a finding about the export as a whole
        /// (as findings are written).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(rule, forKey: .rule)
            try container.encode(standard, forKey: .standard)
            try container.encode(clause, forKey: .clause)
            try container.encode(grade, forKey: .grade)
            try container.encode(record, forKey: .record)
            try container.encode(message, forKey: .message)
            try container.encode(status, forKey: .status)
        }
    }

    /// The previous report's path, as given.
    public var path: String
    /// Its SHA-256.
    public var sha256: String
    /// Its audit date.
    public var asOf: String
    /// Its stage.
    public var stage: Stage
    /// Its open findings (not waived), in its order.
    public var findings: [Item]

    enum CodingKeys: String, CodingKey {
        case path, sha256, stage, findings
        case asOf = "as_of"
    }

    /// Creates the section.
    public init(path: String, sha256: String, asOf: String, stage: Stage, findings: [Item]) {
        self.path = path
        self.sha256 = sha256
        self.asOf = asOf
        self.stage = stage
        self.findings = findings
    }

    /// The number of findings with `status`.
    public func count(_ status: PreviousFindingStatus) -> Int { findings.filter { $0.status == status }.count }
}
