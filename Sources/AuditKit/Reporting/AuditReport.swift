/// The result of one check run: what was read, what was found, clause by clause.
///
/// Its JSON form (see ``JSONReportRenderer``) is the contract for every later consumer.
public struct AuditReport: Sendable, Codable, Equatable {
    /// The tool that wrote the report.
    public struct Tool: Sendable, Codable, Equatable {
        public var name: String
        public var version: String
    }

    /// Number of findings per grade.
    public struct Summary: Sendable, Codable, Equatable {
        public var major = 0
        public var minor = 0
        public var observation = 0
        public var opportunity = 0

        /// Counts the findings.
        public init(findings: [Finding]) {
            for finding in findings {
                switch finding.grade {
                case .major: major += 1
                case .minor: minor += 1
                case .observation: observation += 1
                case .opportunity: opportunity += 1
                }
            }
        }

        /// The count for one grade.
        public subscript(grade: Grade) -> Int {
            switch grade {
            case .major: return major
            case .minor: return minor
            case .observation: return observation
            case .opportunity: return opportunity
            }
        }
    }

    /// Where one clause stands.
    public enum ClauseStatus: String, Sendable, Codable {
        /// Its rules ran and found nothing.
        case conforming
        /// At least one of its rules raised a finding.
        case gap
        /// The organisation declared it not applicable, and the declaration was accepted.
        case notApplicable = "not_applicable"
        /// No rule checks it in this run (none exists, or none for this stage).
        case notAssessed = "not_assessed"
    }

    /// One line of the clause matrix.
    public struct ClauseResult: Sendable, Codable, Equatable {
        public var standard: Standard
        public var clause: String
        public var title: String
        public var status: ClauseStatus
        /// What the auditor verifies on site, where records cannot show it.
        public var verifyOnSite: String?
        /// The rules that checked this clause.
        public var rules: [String]

        enum CodingKeys: String, CodingKey {
            case standard, clause, title, status, rules
            case verifyOnSite = "verify_on_site"
        }
    }

    /// The rule set used.
    public struct RuleSetInfo: Sendable, Codable, Equatable {
        /// SHA-256 over the rule files.
        public var fingerprint: String
        /// Rules evaluated in this run.
        public var evaluated: Int
    }

    public var tool: Tool
    /// The audit date, `YYYY-MM-DD`.
    public var asOf: String
    public var stage: Stage
    public var standards: [Standard]
    public var inputs: [InputFile]
    public var rules: RuleSetInfo
    public var summary: Summary
    public var notApplicable: [NotApplicableDeclaration]
    public var clauses: [ClauseResult]
    /// Sorted by standard, clause, rule, file, line and record.
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case tool, stage, standards, inputs, rules, summary, clauses, findings
        case asOf = "as_of"
        case notApplicable = "not_applicable"
    }

    /// True when some finding is at least as serious as `grade`.
    public func hasFindings(atOrAbove grade: Grade) -> Bool {
        findings.contains { $0.grade.severity >= grade.severity }
    }
}
