/// The result of a follow-up: one status for each open finding of a stage 2 report, what the
/// statuses rest on, and the conclusion for the certification decision. Its JSON form carries
/// what a certification dossier needs (the report's and the new export's hashes, the rule set,
/// the responses, the dates).
public struct FollowUpReport: Sendable, Codable, Equatable {
    /// One finding of the stage 2 report and where its answer stands.
    public struct Item: Sendable, Codable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var standard: Standard
        public var clause: String
        public var grade: Grade
        public var collection: String?
        public var record: String?
        /// The finding's message, as the report gives it.
        public var finding: String
        public var status: FollowUpStatus
        /// The parts the response lacks (for ``FollowUpStatus/responseIncomplete``, and for
        /// overdue responses that are also incomplete).
        public var missing: [CorrectiveActionResponse.Part]
        /// Whether the rule still fires for the record on the new export; nil without one.
        public var stillFires: Bool?
        /// True for majors and minors, whose status the certification decision waits for.
        public var required: Bool
        /// Why the status, in the report's language.
        public var reason: String
        /// The organisation's response, when there is one.
        public var response: CorrectiveActionResponse?

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, standard, clause, grade, collection, record, finding, status, missing, required,
                reason, response
            case stillFires = "still_fires"
        }

        /// Writes absent values as `null`, so every item has the same keys.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(rule, forKey: .rule)
            try container.encode(standard, forKey: .standard)
            try container.encode(clause, forKey: .clause)
            try container.encode(grade, forKey: .grade)
            try container.encode(collection, forKey: .collection)
            try container.encode(record, forKey: .record)
            try container.encode(finding, forKey: .finding)
            try container.encode(status, forKey: .status)
            try container.encode(missing, forKey: .missing)
            try container.encode(stillFires, forKey: .stillFires)
            try container.encode(required, forKey: .required)
            try container.encode(reason, forKey: .reason)
            try container.encode(response, forKey: .response)
        }
    }

    /// The stage 2 report followed up: its date, inputs, rule set and run parameters.
    public struct Source: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String
        public var asOf: String
        public var stage: Stage
        public var standards: [Standard]
        public var inputs: [InputFile]
        public var rules: AuditReport.RuleSetInfo
        public var parameterOverrides: [String: String]

        enum CodingKeys: String, CodingKey {
            case path, sha256, stage, standards, inputs, rules
            case asOf = "as_of"
            case parameterOverrides = "parameter_overrides"
        }
    }

    /// The new export checked again with the same rules, stage, standards and parameters.
    public struct NewExport: Sendable, Codable, Equatable {
        /// The follow-up date it was checked as of.
        public var checkedAsOf: String
        public var inputs: [InputFile]
        public var rules: AuditReport.RuleSetInfo
        /// Findings on the new export that answer no finding of the stage 2 report (for the next
        /// `check` to look at; not part of the follow-up).
        public var otherFindings: Int

        enum CodingKeys: String, CodingKey {
            case inputs, rules
            case checkedAsOf = "checked_as_of"
            case otherFindings = "other_findings"
        }
    }

    /// The responses file read.
    public struct ResponsesFile: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String
    }

    public var tool: AuditReport.Tool
    public var language: Language
    /// The follow-up date (`--as-of`).
    public var asOf: String
    /// The last day of stage 2 (`--audit-end`, else the report's audit date).
    public var auditEnd: String
    /// Six months after ``auditEnd``: the last day on which majors can be verified without a new stage 2.
    public var majorsVerifiedBy: String
    public var report: Source
    public var responses: ResponsesFile
    /// Nil when no new export was given (then nothing can be verified).
    public var newExport: NewExport?
    /// Statuses in the report's order of findings.
    public var items: [Item]
    /// Number of items per status, every status listed.
    public var counts: [String: Int]
    /// Findings of the report covered by a waiver: not followed up.
    public var waived: Int
    /// What the result warns about, in the report's language (no new export, a different rule set).
    public var notes: [String]
    public var conclusion: FollowUpConclusion

    enum CodingKeys: String, CodingKey {
        case tool, language, report, responses, items, counts, waived, notes, conclusion
        case asOf = "as_of"
        case auditEnd = "audit_end"
        case majorsVerifiedBy = "majors_verified_by"
        case newExport = "new_export"
    }

    /// Writes an absent new export as `null`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tool, forKey: .tool)
        try container.encode(language, forKey: .language)
        try container.encode(report, forKey: .report)
        try container.encode(responses, forKey: .responses)
        try container.encode(items, forKey: .items)
        try container.encode(counts, forKey: .counts)
        try container.encode(waived, forKey: .waived)
        try container.encode(notes, forKey: .notes)
        try container.encode(conclusion, forKey: .conclusion)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(auditEnd, forKey: .auditEnd)
        try container.encode(majorsVerifiedBy, forKey: .majorsVerifiedBy)
        try container.encode(newExport, forKey: .newExport)
    }

    /// True when certification need not wait for anything more from the follow-up: the exit
    /// status 0 of `auditready followup`.
    public var isSatisfied: Bool { conclusion == .allMajorsVerifiedMinorPlansAccepted }

    /// The report's own texts in its language.
    public var strings: FollowUpStrings { FollowUpStrings(language: language) }
}
