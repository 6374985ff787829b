import Foundation
import Testing
@testable import AuditKit

/// What each moment of certification reports: stage 1 areas of concern with their stage 2 grade,
/// the stage 2 recommendation and its basis, reports for an auditor without advice, and exports
/// that say which collections they contain.
@Suite struct CertificationMomentsTests {
    static let rules = """
        clause iso9001 9.2.1 "Internal audits" requires "The organisation audits its system at planned intervals."
        clause iso9001 10.2.1 "Reacting to nonconformities" requires "Each nonconformity is corrected and its causes removed."

        rule Q44-internal-audit-done
          title "At least one internal audit was carried out in the last year"
          standard iso9001
          clause 9.2.1
          stages initial, certification
          grade major
          guidance "Plan and carry out an internal audit of every process."
          require count(a in internal_audits where a.conducted_on within 12 months) >= 1
          message "No internal audit was carried out in the 12 months before {audit_date}."
        end

        rule Q54-root-cause
          title "Each nonconformity has a root cause"
          standard iso9001
          clause 10.2.1
          stages initial, certification
          grade minor
          guidance "Find and record the root cause."
          for each nc in nonconformities
          require nc.root_cause is present
          message "Nonconformity {nc.id} has no root cause."
        end
        """

    static let export = """
        {"nonconformities": [{"id": "NC-1"}, {"id": "NC-2", "root_cause": "setup"}, {"id": "NC-3", "root_cause": "wear"}]}
        """

    @Test func stage1ReportsAreasOfConcernWithTheirStage2Grades() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.export, stage: .initial)
        #expect(report.findings.map(\.grade) == [.concern, .concern])
        #expect(report.findings.map(\.stage2Grade) == [.major, .minor])
        #expect(report.summary.concern == 2 && report.summary.major == 1 && report.summary.minor == 1)
        #expect(report.readiness.stage2 == .notReady)
        #expect(report.recommendation == nil && report.correctiveActionPlan == nil)
        // Thresholds read the stage 2 grade: --fail-on major fails on a concern that would be major.
        #expect(report.openFindings(atOrAbove: .major) == 1)

        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"grade\" : \"concern\""))
        #expect(json.contains("\"stage2_grade\" : \"major\""))
        let sarif = SARIFReportRenderer().render(report)
        #expect(!sarif.contains("\"level\" : \"error\"") && sarif.contains("\"level\" : \"note\""))
        for format in [ReportFormat.text, .markdown, .html] {
            let text = format.renderer.render(report)
            #expect(text.contains("Areas of concern"), "\(format)")
            #expect(text.contains("Grade at stage 2 if not resolved"), "\(format)")
            #expect(!text.contains("Blocking"), "\(format)")
        }
        let french = try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(Self.rules), records: EvaluationHarness.records(json: Self.export),
            options: AuditOptions(asOf: EvaluationHarness.auditDate, stage: .initial, language: .fr))
        let markdown = MarkdownReportRenderer().render(french)
        #expect(markdown.contains("Points sensibles"))
        #expect(markdown.contains("Classement à l'étape 2 s'il n'est pas traité"))
        #expect(!markdown.contains("Gravité"))
    }

    @Test func stage2RecommendationSaysWhatItWaitsFor() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.export)
        #expect(report.recommendation == .notRecommended)
        #expect(report.recommendationBasis?.majorsVerifiedBy == "2027-05-15")
        let text = TextReportRenderer().render(report)
        #expect(
            text.contains("verified by the certification body by 2027-05-15 (six months after the last day of stage 2)")
        )
        #expect(text.contains("accepts the plan before the decision"))

        let minorsOnly = try EvaluationHarness.report(
            rules: Self.rules,
            json: Self.export.replacingOccurrences(
                of: "{\"nonconformities\"",
                with:
                    "{\"internal_audits\": [{\"id\": \"IA-1\", \"conducted_on\": \"2026-06-01\"}], \"nonconformities\"")
        )
        #expect(minorsOnly.recommendation == .recommendOncePlanAccepted)
        #expect(minorsOnly.recommendationBasis?.majorsVerifiedBy == nil)
    }

    @Test func statementsNameWhatTheClauseRequiresTheEvidenceAndWhyItIsNotMet() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.export)
        let statement = try #require(report.statements.first { $0.finding.rule == "Q54-root-cause" })
        #expect(
            statement.requirement
                == "ISO 9001:2015 clause 10.2.1 (Reacting to nonconformities): Each nonconformity is corrected and its causes removed."
        )
        #expect(statement.evidence.hasPrefix("Nonconformity NC-1 has no root cause."))
        #expect(
            statement.nonconformity
                == "Minor nonconformity: the criterion “Each nonconformity has a root cause” is not met.")
        #expect(statement.guidance == "Find and record the root cause.")
        let clause = try #require(report.clauses.first { $0.clause == "9.2.1" })
        #expect(clause.status == .gap)
        #expect(report.strings.status(.conforming) == "no gap in the records")
    }

    @Test func anAuditorsReportCarriesNoAdvice() throws {
        var options = AuditOptions(asOf: EvaluationHarness.auditDate)
        options.audience = .auditor
        let report = try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(Self.rules),
            records: EvaluationHarness.records(json: Self.export), options: options)
        #expect(report.statements.allSatisfy { $0.guidance == nil })
        #expect(report.ruleResults.allSatisfy { $0.guidance == nil })
        for format in ReportFormat.allCases {
            let text = format.renderer.render(report)
            #expect(!text.contains("Find and record the root cause"), "\(format) gives advice to an auditor")
            #expect(!text.contains("What to fix"), "\(format)")
        }
        let organisation = try EvaluationHarness.report(rules: Self.rules, json: Self.export, stage: .initial)
        #expect(MarkdownReportRenderer().render(organisation).contains("Find and record the root cause"))
    }

    /// A complaints-only export checked against everything: the clauses it cannot show are not
    /// assessed, not majors.
    @Test func collectionsNotExportedAreNotAssessed() throws {
        let json = """
            {"export": {"collections": ["nonconformities"]}, "nonconformities": [{"id": "NC-1", "root_cause": "setup"}]}
            """
        let report = try EvaluationHarness.report(rules: Self.rules, json: json)
        #expect(report.findings.isEmpty)
        #expect(report.notExported?.contains("internal_audits") == true)
        #expect(report.clauses.first { $0.clause == "9.2.1" }?.status == .notAssessed)
        #expect(report.clauses.first { $0.clause == "10.2.1" }?.status == .conforming)
        #expect(report.recommendationBasis?.notAssessed.contains("ISO 9001:2015 9.2.1") == true)

        let silent = try EvaluationHarness.report(
            rules: Self.rules, json: "{\"nonconformities\": [{\"id\": \"NC-1\", \"root_cause\": \"setup\"}]}")
        #expect(silent.findings.map(\.rule) == ["Q44-internal-audit-done"])
        #expect(silent.notExported == nil)
    }

    /// A register given beside a partial export (an ERPNext export and a hand-made file with the
    /// internal audits) is checked: what an input holds was exported, listed or not.
    @Test func aCollectionAnInputHoldsIsAssessedEvenIfNotListed() throws {
        let json = """
            {"export": {"collections": ["nonconformities"]}, "nonconformities": [{"id": "NC-1", "root_cause": "setup"}],
             "internal_audits": [{"id": "IA-1"}]}
            """
        let report = try EvaluationHarness.report(rules: Self.rules, json: json)
        #expect(report.notExported?.contains("internal_audits") == false)
        #expect(report.findings.map(\.rule) == ["Q44-internal-audit-done"])
        #expect(report.clauses.first { $0.clause == "9.2.1" }?.status != .notAssessed)
    }

    /// A misspelt collection in export.collections is said, not silently taken as "not exported".
    @Test func anUnknownNameInExportCollectionsIsAnExportNote() throws {
        let json = """
            {"export": {"collections": ["nonconformites"]}, "nonconformities": [{"id": "NC-1", "root_cause": "setup"}]}
            """
        let report = try EvaluationHarness.report(rules: Self.rules, json: json)
        #expect(
            report.exportNotes.map(\.message) == [
                "export.collections names \"nonconformites\", which the records contract does not define; did you mean 'nonconformities'?"
            ])
        #expect(report.findings.allSatisfy { !$0.message.contains("nonconformites") })
    }
}
