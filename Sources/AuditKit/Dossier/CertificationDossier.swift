/// What the certification committee decides on (ISO/IEC 17021-1 9.5): the organisation, the
/// standards and exclusions, stage 1 and stage 2 with their evidence (input hashes, rule sets),
/// what became of stage 1's areas of concern, every stage 2 nonconformity with its response and
/// follow-up status, the clauses not assessed from records, and a recommendation with its reasons.
/// Assembled from files only: identical inputs give an identical dossier.
public struct CertificationDossier: Sendable, Encodable {
    /// A report the dossier rests on, as evidence: its file, date and what it read.
    public struct Audit: Sendable, Encodable, Equatable {
        public var path: String
        public var sha256: String
        public var asOf: String
        public var inputs: [InputFile]
        public var rules: AuditReport.RuleSetInfo

        enum CodingKeys: String, CodingKey {
            case path, sha256, inputs, rules
            case asOf = "as_of"
        }
    }

    /// The follow-up the dossier rests on.
    public struct FollowUp: Sendable, Encodable, Equatable {
        public var path: String
        public var sha256: String
        /// The follow-up date.
        public var asOf: String
        public var conclusion: FollowUpConclusion
        public var majorsVerifiedBy: String
        public var responses: FollowUpReport.ResponsesFile
        /// The new export checked, nil when none was given.
        public var newExport: FollowUpReport.NewExport?

        enum CodingKeys: String, CodingKey {
            case path, sha256, conclusion, responses
            case asOf = "as_of"
            case majorsVerifiedBy = "majors_verified_by"
            case newExport = "new_export"
        }
    }

    /// What became of an area of concern of stage 1 at stage 2.
    public enum Resolution: String, Sendable, Encodable {
        /// Its finding (same fingerprint) is not in the stage 2 report.
        case resolved
        /// Its finding is still in the stage 2 report, with the grade given there.
        case carried
    }

    /// An area of concern of stage 1 and its resolution.
    public struct Concern: Sendable, Encodable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var standard: Standard
        public var clause: String
        public var collection: String?
        public var record: String?
        public var message: String
        /// The grade stage 1 said it would carry at stage 2.
        public var stage1Grade: Grade
        public var resolution: Resolution
        /// The grade it carries in the stage 2 report, when carried.
        public var stage2Grade: Grade?

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, standard, clause, collection, record, message, resolution
            case stage1Grade = "stage1_grade"
            case stage2Grade = "stage2_grade"
        }
    }

    /// A nonconformity of stage 2 (major or minor) and, with a follow-up, where its answer stands.
    public struct Nonconformity: Sendable, Encodable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var standard: Standard
        public var clause: String
        public var grade: Grade
        public var collection: String?
        public var record: String?
        public var message: String
        /// The follow-up status; nil without a follow-up.
        public var status: FollowUpStatus?
        /// Why the status, as the follow-up gives it.
        public var statusReason: String?
        /// The organisation's response, when the follow-up has one.
        public var response: CorrectiveActionResponse?

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, standard, clause, grade, collection, record, message, status, response
            case statusReason = "status_reason"
        }
    }

    public var tool: AuditReport.Tool
    public var language: Language
    /// Who the reports are of, when they say (the stage 2 report's, else stage 1's).
    public var organisation: OrganisationIdentity?
    public var standards: [Standard]
    /// The not-applicable declarations of the stage 2 report.
    public var notApplicable: [NotApplicableDeclaration]
    public var stage1: Audit
    public var stage2: Audit
    public var followUp: FollowUp?
    public var areasOfConcern: [Concern]
    public var nonconformities: [Nonconformity]
    /// Observations and opportunities for improvement of stage 2 (no response required).
    public var otherFindings: Int
    /// Stage 2 findings covered by a waiver.
    public var waived: Int
    /// Clauses not assessed from the records at stage 2, for the auditor to have covered on site.
    public var notAssessed: [String]
    /// Six months after the last day of stage 2: majors must be verified by then (with majors only).
    public var majorsVerifiedBy: String?
    public var recommendation: DossierRecommendation

    enum CodingKeys: String, CodingKey {
        case tool, language, organisation, standards, stage1, stage2, nonconformities, waived, recommendation
        case notApplicable = "not_applicable"
        case followUp = "follow_up"
        case areasOfConcern = "areas_of_concern"
        case otherFindings = "other_findings"
        case notAssessed = "not_assessed"
        case majorsVerifiedBy = "majors_verified_by"
    }

    /// The dossier's own texts in its language.
    public var strings: DossierStrings { DossierStrings(language: language) }

    /// Assembles the dossier of consistent inputs (see ``DossierConsistency``), in `language`.
    public init(
        stage1: DossierReportFile, stage2: DossierReportFile, followUp: DossierFollowUpFile?, language: Language
    ) {
        tool = AuditReport.Tool(name: AuditKit.name, version: AuditKit.version)
        self.language = language
        organisation = stage2.organisation ?? stage1.organisation
        standards = stage2.standards.sorted()
        notApplicable = stage2.notApplicable
        self.stage1 = Audit(
            path: stage1.path, sha256: stage1.sha256, asOf: stage1.asOf, inputs: stage1.inputs, rules: stage1.rules)
        self.stage2 = Audit(
            path: stage2.path, sha256: stage2.sha256, asOf: stage2.asOf, inputs: stage2.inputs, rules: stage2.rules)
        self.followUp = followUp.map { file in
            FollowUp(
                path: file.path, sha256: file.sha256, asOf: file.report.asOf, conclusion: file.report.conclusion,
                majorsVerifiedBy: file.report.majorsVerifiedBy, responses: file.report.responses,
                newExport: file.report.newExport)
        }

        let open = stage2.openFindings
        let stage2Grades = Dictionary(
            open.map { ($0.fingerprint, $0.auditGrade) }, uniquingKeysWith: { first, _ in first })
        areasOfConcern = stage1.openFindings.map { finding in
            let carried = stage2Grades[finding.fingerprint]
            return Concern(
                fingerprint: finding.fingerprint, rule: finding.rule, standard: finding.standard,
                clause: finding.clause,
                collection: finding.collection, record: finding.record, message: finding.message,
                stage1Grade: finding.auditGrade, resolution: carried == nil ? .resolved : .carried, stage2Grade: carried
            )
        }

        let items = Dictionary(
            (followUp?.report.items ?? []).map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        nonconformities = open.filter { $0.auditGrade == .major || $0.auditGrade == .minor }.map { finding in
            let item = items[finding.fingerprint]
            return Nonconformity(
                fingerprint: finding.fingerprint, rule: finding.rule, standard: finding.standard,
                clause: finding.clause, grade: finding.auditGrade, collection: finding.collection,
                record: finding.record, message: finding.message,
                status: followUp == nil ? nil : (item?.status ?? .noResponse),
                statusReason: item?.reason, response: item?.response)
        }
        otherFindings = open.count - nonconformities.count
        waived = stage2.findings.count - open.count
        notAssessed = stage2.recommendationBasis?.notAssessed ?? []
        majorsVerifiedBy = followUp?.report.majorsVerifiedBy ?? stage2.recommendationBasis?.majorsVerifiedBy
        let hasMajors = nonconformities.contains { $0.grade == .major }
        if !hasMajors { majorsVerifiedBy = nil }
        recommendation = DossierRecommendation.decide(
            items: nonconformities, followUp: followUp?.report,
            majorsVerifiedBy: majorsVerifiedBy,
            strings: DossierStrings(language: language))
    }

    /// True when the committee can grant certification now: the exit status 0 of `auditready dossier`.
    public var isGrant: Bool { recommendation.outcome == .grant }
}
