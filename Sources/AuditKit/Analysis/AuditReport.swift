/// The result of one check run: what was read, what was found, clause by clause.
///
/// Its JSON form (see ``JSONReportRenderer``) is the contract for every later consumer.
public struct AuditReport: Sendable, Codable, Equatable {
    /// The tool that wrote the report.
    public struct Tool: Sendable, Codable, Equatable {
        public var name: String
        public var version: String

        enum CodingKeys: String, CodingKey { case name, version }

        /// Creates a tool entry.
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Number of findings per grade.
    public struct Summary: Sendable, Codable, Equatable {
        /// The total number of findings.
        public var total: Int { major + minor + observation + opportunity }

        public var major = 0
        public var minor = 0
        public var observation = 0
        public var opportunity = 0
        /// Findings covered by an accepted waiver; not counted in the grades above.
        public var waived = 0
        /// Stage 1 only: the areas of concern (not waived); the counts above then give the grades
        /// they would carry at stage 2.
        public var concern: Int?

        enum CodingKeys: String, CodingKey { case major, minor, observation, opportunity, waived, concern }

        /// Counts the findings by their stage 2 grade; waived ones only in ``waived``.
        public init(findings: [Finding], stage: Stage = .certification) {
            if stage == .initial { concern = 0 }
            for finding in findings {
                if finding.waiver != nil {
                    waived += 1
                    continue
                }
                if finding.grade == .concern { concern = (concern ?? 0) + 1 }
                switch finding.auditGrade {
                case .concern: break
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
            case .concern: return concern ?? 0
            case .major: return major
            case .minor: return minor
            case .observation: return observation
            case .opportunity: return opportunity
            }
        }
    }

    /// Where one clause stands.
    public enum ClauseStatus: String, Sendable, Codable {
        /// Its rules ran and found no gap in the records (which is not proof of conformity: the
        /// auditor still samples it on site).
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
        /// For a clause declared not applicable: the organisation's justification.
        public var justification: String?
        /// What the clause requires, in plain words (from the clause declaration), when known.
        public var requirement: String?

        /// Creates a clause line.
        public init(
            standard: Standard, clause: String, title: String, status: ClauseStatus,
            verifyOnSite: String? = nil, rules: [String] = [], justification: String? = nil,
            requirement: String? = nil
        ) {
            self.requirement = requirement
            self.standard = standard
            self.clause = clause
            self.title = title
            self.status = status
            self.verifyOnSite = verifyOnSite
            self.rules = rules
            self.justification = justification
        }

        enum CodingKeys: String, CodingKey {
            case standard, clause, title, status, rules, justification, requirement
            case verifyOnSite = "verify_on_site"
        }
    }

    /// The rule set used.
    public struct RuleSetInfo: Sendable, Codable, Equatable {
        /// SHA-256 over the rule files.
        public var fingerprint: String
        /// Rules evaluated in this run.
        public var evaluated: Int

        enum CodingKeys: String, CodingKey { case fingerprint, evaluated }

        /// Creates the rule set entry.
        public init(fingerprint: String, evaluated: Int) {
            self.fingerprint = fingerprint
            self.evaluated = evaluated
        }
    }

    public var tool: Tool
    /// The audit date, `YYYY-MM-DD`.
    public var asOf: String
    public var stage: Stage
    /// The language of the report's texts.
    public var language: Language
    /// When the report was generated (ISO 8601), only when asked for (`--timestamp`): without it,
    /// identical inputs give byte-identical reports.
    public var generatedAt: String?
    public var standards: [Standard]
    public var inputs: [InputFile]
    public var rules: RuleSetInfo
    public var summary: Summary
    public var notApplicable: [NotApplicableDeclaration]
    public var clauses: [ClauseResult]
    /// Sorted by standard, clause, rule, file, line and record.
    public var findings: [Finding]
    /// Every rule and built-in check evaluated, with its texts in the report language.
    public var ruleResults: [RuleResult]
    /// Readiness per section and overall, and (stage 1) the verdict on readiness for stage 2.
    public var readiness: Readiness
    /// Stage 2 and later audits: the recommendation to the certification committee.
    public var recommendation: Recommendation?
    /// Stage 2 only: the clauses the records could not show and, with majors, the date by which
    /// their correction must be verified.
    public var recommendationBasis: RecommendationBasis?
    /// Who the report is written for: with ``Audience/auditor`` it carries no advice.
    public var audience: Audience
    /// Defects of the export file itself: never graded, never escalated.
    public var exportNotes: [ExportNote]
    /// Collections the export says it does not contain (`export.collections`): the clauses that
    /// need them are not assessed. Nil when the export does not say.
    public var notExported: [String]?
    /// Fields the export says it does not contain (`export.fields_not_exported`, as
    /// `collection.field`): records are judged on the rest, and these are to be verified on
    /// site. Nil when the export names none.
    public var fieldsNotExported: [String]?
    /// Stage 2 only: the corrective action plan for the nonconformities.
    public var correctiveActionPlan: [CorrectiveAction]?
    /// Complaint handling indicators, when the export has complaints.
    public var complaintIndicators: ComplaintIndicators?
    /// Where the organisation stands on the seven quality management principles.
    public var principles: [PrincipleStanding]
    /// The `--param` (and settings file) overrides of the run, as given; nil when there were
    /// none, so reports of runs without overrides are unchanged. A follow-up re-checks a new
    /// export with them.
    public var parameterOverrides: [String: String]?
    /// Fingerprints of findings this run found but does not report because the baseline holds
    /// them (sorted); never written into a report, kept so a refreshed baseline keeps them.
    public var baselined: [String] = []
    /// Who the export belongs to, as it says (nil when it says nothing): how the certification
    /// dossier tells one organisation's reports from another's.
    public var organisation: OrganisationIdentity?

    /// Surveillance and recertification with `--previous`: the previous audit's findings and
    /// where each stands; nil otherwise, so other reports are unchanged.
    public var previous: PreviousAudit?

    enum CodingKeys: String, CodingKey {
        case tool, stage, standards, inputs, rules, summary, clauses, findings, language, readiness
        case recommendation, principles, audience, organisation, previous
        case recommendationBasis = "recommendation_basis"
        case exportNotes = "export_notes"
        case notExported = "not_exported"
        case fieldsNotExported = "fields_not_exported"
        case asOf = "as_of"
        case notApplicable = "not_applicable"
        case parameterOverrides = "parameter_overrides"
        case generatedAt = "generated_at"
        case ruleResults = "rule_results"
        case correctiveActionPlan = "corrective_action_plan"
        case complaintIndicators = "complaint_indicators"
    }

    /// Assembles a report from what a run produced, deriving the summary, readiness, the
    /// recommendation and corrective action plan (stage 2) and the principles from the findings.
    public init(
        tool: Tool = Tool(name: AuditKit.name, version: AuditKit.version), asOf: CalendarDate,
        stage: Stage, language: Language = .en, standards: [Standard], inputs: [InputFile],
        rules: RuleSetInfo, notApplicable: [NotApplicableDeclaration] = [], clauses: [ClauseResult],
        findings: [Finding], ruleResults: [RuleResult], complaintIndicators: ComplaintIndicators? = nil,
        audience: Audience = .self, exportNotes: [ExportNote] = [], notExported: [String]? = nil
    ) {
        self.tool = tool
        self.asOf = asOf.description
        self.stage = stage
        self.language = language
        self.generatedAt = nil
        self.standards = standards
        self.inputs = inputs
        self.rules = rules
        var findings = findings
        if stage == .initial {
            // Stage 1 grades nothing (ISO/IEC 17021-1 9.3.1.2): each finding is an area of concern
            // that keeps the grade it would carry at stage 2.
            for index in findings.indices where findings[index].grade != .concern {
                findings[index].stage2Grade = findings[index].grade
                findings[index].grade = .concern
            }
        }
        self.summary = Summary(findings: findings, stage: stage)
        self.audience = audience
        self.exportNotes = exportNotes
        self.notExported = notExported
        self.notApplicable = notApplicable
        self.clauses = clauses
        self.findings = findings
        self.ruleResults = ruleResults
        self.readiness = Readiness(stage: stage, clauses: clauses, findings: findings)
        if stage.isGraded {
            self.recommendation = Recommendation(findings: findings)
            self.recommendationBasis = RecommendationBasis(clauses: clauses, findings: findings, auditDate: asOf)
            // The six-month rule is stage 2's: later, majors wait for the certification body's
            // time or the certificate's expiry (see ``recommendationBasisSentences``).
            if stage != .certification { self.recommendationBasis?.majorsVerifiedBy = nil }
            self.correctiveActionPlan = CorrectiveActionPlan.build(findings: findings, auditDate: asOf)
        } else {
            self.recommendation = nil
            self.recommendationBasis = nil
            self.correctiveActionPlan = nil
        }
        self.complaintIndicators = complaintIndicators
        self.principles = QualityPrinciple.standings(clauses: clauses, findings: findings)
    }

    /// Findings not covered by a waiver, at least as serious as `grade`.
    public func openFindings(atOrAbove grade: Grade) -> Int {
        findings.filter { $0.waiver == nil && $0.auditGrade.severity >= grade.severity }.count
    }

    /// The evaluated rule or built-in check with this id.
    public func ruleResult(_ id: String) -> RuleResult? {
        ruleResults.first { $0.id == id }
    }

    /// The clause matrix line a finding belongs to (the most specific clause containing it).
    public func clauseResult(for finding: Finding) -> ClauseResult? {
        clauses.filter { $0.standard == finding.standard && ClauseNumber.isWithin(finding.clause, $0.clause) }
            .max { ClauseNumber.parts($0.clause).count < ClauseNumber.parts($1.clause).count }
    }

    /// The report's own texts in its language.
    public var strings: ReportStrings { ReportStrings.for(language) }
}
