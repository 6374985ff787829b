import Foundation
import Testing
@testable import AuditKit

/// Surveillance and recertification: which rules run, the previous audit's findings re-checked
/// (closed, still open, recurring, not re-checked), the recurrence finding, and the texts.
@Suite struct SurveillanceTests {
    static let rules: RuleSet? = try? RuleSet.load(paths: BundledRuleTests.ruleDirectories)

    static func rule(_ id: String) throws -> RuleDeclaration {
        let rules = try #require(rules)
        return try #require(rules.rules.first { $0.id == id })
    }

    @Test func surveillanceRunsTheTopicsAndTheCoveredClauses() throws {
        let audit = try Self.rule("Q44-internal-audit-done")  // 9.2.1: internal audits
        let supplier = try Self.rule("Q29-supplier-status-recorded")  // 8.4.1: not a topic
        #expect(AuditEngine.runs(audit, in: .surveillance))
        #expect(!AuditEngine.runs(supplier, in: .surveillance))
        #expect(AuditEngine.runs(supplier, in: .surveillance, covering: ["8.4"]))
        #expect(!AuditEngine.runs(supplier, in: .surveillance, covering: ["8.5"]))
        // Every ISO 10002 rule is complaints handling.
        let iso10002 = try #require(Self.rules).rules.filter {
            $0.standard == .iso10002 && $0.stages.contains(.certification)
        }
        #expect(!iso10002.isEmpty)
        #expect(iso10002.allSatisfy { AuditEngine.runs($0, in: .surveillance) })
        // Stage 1 only rules never run after certification.
        let readiness = try Self.rule("Q44-ready-for-stage-2")
        #expect(!AuditEngine.runs(readiness, in: .surveillance))
        #expect(!AuditEngine.runs(readiness, in: .recertification))
    }

    @Test func recertificationRunsEveryStageTwoRuleAndItsOwn() throws {
        let all = try #require(Self.rules).rules
        #expect(
            all.filter { $0.stages.contains(.certification) }.allSatisfy { AuditEngine.runs($0, in: .recertification) })
        let cycle = try Self.rule("Q61-review-each-year-of-cycle")
        #expect(cycle.stages == [.recertification])
        #expect(AuditEngine.runs(cycle, in: .recertification))
        #expect(!AuditEngine.runs(cycle, in: .certification))
        #expect(!AuditEngine.runs(cycle, in: .surveillance))
    }

    @Test func theSampleAtEachLaterStage() throws {
        let rules = try #require(Self.rules)
        let path = BundledRuleTests.repository.appendingPathComponent("Samples/acme-small/records.json").path
        let records = try RecordLoader.load(path: path)
        func run(_ stage: Stage, cover: [String] = []) throws -> AuditReport {
            var options = AuditOptions(asOf: CalendarDate(year: 2026, month: 11, day: 15)!, stage: stage)
            options.cover = cover
            return try AuditEngine.run(rules: rules, records: records, options: options)
        }
        let certification = try run(.certification)
        let surveillance = try run(.surveillance)
        let covered = try run(.surveillance, cover: ["7.1.5"])
        let recertification = try run(.recertification)
        #expect(surveillance.rules.evaluated < certification.rules.evaluated)
        #expect(covered.rules.evaluated > surveillance.rules.evaluated)
        #expect(recertification.rules.evaluated >= certification.rules.evaluated)
        #expect(!surveillance.findings.contains { $0.rule == "Q12-calibration-not-overdue" })
        #expect(covered.findings.contains { $0.rule == "Q12-calibration-not-overdue" })
        #expect(surveillance.recommendation != nil)
        #expect(surveillance.previous == nil)
        let json = JSONReportRenderer().rendered(surveillance).string
        #expect(json.contains("\"stage\":\"surveillance\"") || json.contains("\"stage\" : \"surveillance\""))
        #expect(!json.contains("\"previous\""))
    }

    /// The stage 2 report of ``FollowUpTests``, re-checked on `current` with `responses`.
    static func recheck(current: [Finding], responses: String, evaluated: Set<String>? = nil)
        throws -> PreviousFindingsCheck.Outcome
    {
        let report = try FollowUpTests.stageTwo()
        let parsed = try ResponseFileReader.read(source: "version: 1\nresponses:\n" + responses, path: "responses.yml")
        let matched = try ResponseMatcher.match(parsed, to: report, path: "responses.yml")
        let input = PreviousAuditInput(report: report, path: "report.json", sha256: "abc", responses: matched)
        let ran = evaluated ?? Set(FollowUpTests.originalFindings.map(\.rule))
        return PreviousFindingsCheck.run(
            input, findings: current, evaluated: ran, standard: .iso9001, clause: "10.2",
            language: .en)
    }

    @Test func everyPreviousStatusAndTheRecurrence() throws {
        let report = try FollowUpTests.stageTwo()
        let calibration = FollowUpTests.fingerprint("Q12-calibration-not-overdue", in: report)
        let independence = FollowUpTests.fingerprint("Q46-auditor-independence", in: report)
        let original = FollowUpTests.originalFindings
        // The calibration lapse and the auditor's independence fire again; the review inputs no longer do.
        let current = [original[1], original[2]]
        let ran = Set(original.map(\.rule)).subtracting(["Q20-objectives-measured"])
        let outcome = try Self.recheck(
            current: current,
            responses: FollowUpTests.complete(calibration, completed: "2026-12-20")
                + FollowUpTests.complete(independence),
            evaluated: ran)
        var statuses: [String: PreviousFindingStatus] = [:]
        for item in outcome.previous.findings { statuses[item.rule] = item.status }
        #expect(
            statuses == [
                "Q44-internal-audit-done": .closed, "Q12-calibration-not-overdue": .recurring,
                "Q46-auditor-independence": .stillOpen, "Q51-review-inputs-complete": .closed,
                "Q20-objectives-measured": .notRechecked
            ])
        #expect(outcome.previous.asOf == "2026-11-15")
        #expect(outcome.previous.path == "report.json")
        let recurrence = try #require(outcome.recurrences.first)
        #expect(outcome.recurrences.count == 1)
        #expect(recurrence.rule == "AR-10.2-recurring-nonconformity")
        #expect(recurrence.grade == .minor)
        #expect(recurrence.clause == "10.2")
        #expect(recurrence.record == "EQ-02")
        #expect(recurrence.message.contains("Q12-calibration-not-overdue"))
        #expect(recurrence.message.contains("record EQ-02"))
        #expect(recurrence.message.contains("2026-12-20"))
        #expect(recurrence.message.contains(calibration))
    }

    @Test func aRecurrenceAlreadyMajorIsNotReportedTwice() throws {
        let report = try FollowUpTests.stageTwo()
        let calibration = FollowUpTests.fingerprint("Q12-calibration-not-overdue", in: report)
        var major = FollowUpTests.originalFindings[1]
        major.grade = .major
        let outcome = try Self.recheck(
            current: [major], responses: FollowUpTests.complete(calibration, completed: "2026-12-20"))
        #expect(outcome.previous.findings.first { $0.rule == "Q12-calibration-not-overdue" }?.status == .recurring)
        #expect(outcome.recurrences.isEmpty)
    }

    @Test func theEngineReportsTheRecurrenceAndThePreviousSection() throws {
        let rules = try #require(Self.rules)
        let path = BundledRuleTests.repository.appendingPathComponent("Samples/acme-small/records.json").path
        let records = try RecordLoader.load(path: path)
        let date = CalendarDate(year: 2026, month: 11, day: 15)!
        let stageTwo = try AuditEngine.run(rules: rules, records: records, options: AuditOptions(asOf: date))
        let json = JSONReportRenderer().rendered(stageTwo).string
        let previousReport = try StageTwoReport.read(data: Data(json.utf8), path: "report.json")
        let target = try #require(
            previousReport.openFindings.first {
                $0.auditGrade == .minor && $0.record != nil
                    && SurveillanceTopic.coversEverySurveillance($0.standard, $0.clause)
            })
        let responses = try ResponseFileReader.read(
            source: "version: 1\nresponses:\n"
                + FollowUpTests.complete(target.fingerprint, completed: "2026-11-10"), path: "responses.yml")
        var options = AuditOptions(asOf: date, stage: .surveillance, language: .fr)
        options.previous = PreviousAuditInput(
            report: previousReport, path: "report.json", sha256: "abc",
            responses: try ResponseMatcher.match(responses, to: previousReport, path: "responses.yml"))
        let report = try AuditEngine.run(rules: rules, records: records, options: options)
        let previous = try #require(report.previous)
        #expect(previous.findings.count == previousReport.openFindings.count)
        #expect(previous.findings.first { $0.fingerprint == target.fingerprint }?.status == .recurring)
        let recurrence = try #require(report.findings.first { $0.rule == BuiltinCheck.recurringNonconformity.id })
        #expect(recurrence.message.contains("a été déclarée corrigée le 2026-11-10"))
        #expect(report.ruleResult(BuiltinCheck.recurringNonconformity.id)?.findings == 1)
        #expect(report.summary.minor == report.findings.filter { $0.auditGrade == .minor }.count)
        let text = JSONReportRenderer().rendered(report).string
        #expect(text.contains("\"previous\""))
        try JSONReportWriterTests.expectSameAsEncoder(report)
        let markdown = MarkdownReportRenderer().rendered(report).string
        #expect(markdown.contains("Audit de surveillance"))
        #expect(markdown.contains("Non-conformités de l'audit précédent"))
        #expect(markdown.contains("récurrent"))
    }

    @Test func titlesAndRecommendationsInBothLanguages() {
        let en = ReportStrings.for(.en), fr = ReportStrings.for(.fr)
        #expect(en.stage(.surveillance) == "Surveillance audit")
        #expect(en.stage(.recertification) == "Recertification audit")
        #expect(fr.stage(.surveillance) == "Audit de surveillance")
        #expect(fr.stage(.recertification) == "Audit de renouvellement")
        #expect(en.stage(.certification) == "Certification audit (stage 2)")
        #expect(en.recommendation(.recommend, at: .surveillance) == "Maintaining certification is recommended.")
        #expect(
            fr.recommendation(.recommend, at: .recertification)
                == "Le renouvellement de la certification est recommandé.")
        #expect(en.recommendation(.notRecommended, at: .certification) == en.recommendation(.notRecommended))
        #expect(fr.previousAuditHeading == "Non-conformités de l'audit précédent")
        #expect(en.previousAuditHeading == "Nonconformities from the previous audit")
    }

    @Test func laterStagesHaveNoSixMonthDate() {
        let major = FollowUpTests.finding("Q44-internal-audit-done", "9.2.1", .major, record: nil, "No internal audit.")
        let report = AuditReport(
            asOf: FollowUpTests.auditDate, stage: .surveillance, standards: [.iso9001], inputs: [],
            rules: .init(fingerprint: "", evaluated: 0), clauses: [], findings: [major], ruleResults: [])
        #expect(report.recommendation == .notRecommended)
        #expect(report.recommendationBasis?.majorsVerifiedBy == nil)
        #expect(report.recommendationBasisSentences.first?.contains("within the time it sets") == true)
    }
}
