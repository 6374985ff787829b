import Foundation
import Testing
@testable import AuditKit

/// Fingerprints, waivers, baselines, diffs and the configuration file: what a CI pipeline relies on.
@Suite struct PipelineTests {
    static let rules = """
        rule K06
          title "Remedy recorded"
          standard iso10002
          clause 7.2
          grade observation
          for each c in complaints
          require c.remedy_sought is present
          message "Complaint {c.id} has no remedy."
        end
        """

    static func json(_ ids: [String]) -> String {
        "{\"complaints\": [" + ids.map { "{\"id\": \"\($0)\"}" }.joined(separator: ",\n") + "]}"
    }

    static func report(
        _ ids: [String], pipeline: PipelineOptions = PipelineOptions(),
        language: Language = .en, standards: Set<Standard>? = nil
    ) throws -> AuditReport {
        var options = AuditOptions(asOf: EvaluationHarness.auditDate, standards: standards, language: language)
        options.pipeline = pipeline
        return try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(rules), records: EvaluationHarness.records(json: json(ids)),
            options: options)
    }

    @Test func fingerprintsDoNotDependOnPosition() throws {
        let before = try Self.report(["C1", "C2"]).findings
        let after = try Self.report(["C0", "C1", "C2"]).findings
        let fingerprint = { (findings: [Finding], id: String) in findings.first { $0.record == id }?.fingerprint }
        #expect(fingerprint(before, "C1") == fingerprint(after, "C1"))
        #expect(fingerprint(before, "C2") == fingerprint(after, "C2"))
        #expect(fingerprint(after, "C0") != fingerprint(after, "C1"))
        #expect(fingerprint(before, "C1")?.count == 16)
    }

    @Test func aDuplicatedIdGetsADistinctFingerprint() throws {
        let findings = try Self.report(["C1", "C1"]).findings
        #expect(findings.count == 2)
        #expect(findings[1].fingerprint == findings[0].fingerprint + "#2")
    }

    @Test func waiversMarkFindingsWithoutHidingThem() throws {
        let waiver = Waiver(
            rule: "K06", recordPattern: "C1*", justification: "Form changed in May",
            approver: "C. Dupont", expires: "2026-12-31", correctiveAction: "NC-7")
        let report = try Self.report(["C1", "C10", "C2"], pipeline: PipelineOptions(waivers: [waiver]))
        #expect(report.findings.count == 3)
        #expect(report.findings.filter { $0.waiver != nil }.compactMap(\.record) == ["C1", "C10"])
        #expect(report.summary.waived == 2 && report.summary.observation == 1)
        #expect(report.openFindings(atOrAbove: .observation) == 1)
        // The waivers were checked, so the check is in the report's rules, with no finding.
        #expect(report.ruleResults.first { $0.id == "AR-waiver-invalid" }?.findings == 0)
        #expect(
            !(try Self.report(["C1"])).ruleResults.contains { $0.id == "AR-waiver-invalid" },
            "without waivers the check does not run")
    }

    @Test func invalidWaiversAreFindingsThemselves() throws {
        let expired = Waiver(rule: "K06", justification: "old", approver: "A", expires: "2026-01-31", line: 4)
        let anonymous = Waiver(fingerprint: "abc", justification: " ", expires: "2027-01-01", line: 9)
        let report = try Self.report(
            ["C1"], pipeline: PipelineOptions(waivers: [expired, anonymous], waiversFile: "waivers.yml"))
        let problems = report.findings.filter { $0.rule == "AR-waiver-invalid" }
        #expect(
            problems.map(\.message) == [
                "The waiver for rule K06 cannot be applied: it expired on 2026-01-31.",
                "The waiver for fingerprint abc cannot be applied: it gives no justification, it names no approver."
            ])
        #expect(problems.map(\.location.line) == [4, 9])
        let check = try #require(report.ruleResults.first { $0.id == "AR-waiver-invalid" })
        #expect(check.findings == 2 && check.clause == "10.2.1" && check.title.hasPrefix("Accepted findings"))
        #expect(
            BuiltinCheck.all.contains { $0.id == "AR-waiver-invalid" },
            "listed by `rules list`, counted by `rules coverage`")
        #expect(report.findings.first { $0.rule == "K06" }?.waiver == nil)

        // In a French report they read in French, and so does the check's guidance.
        let french = try Self.report(
            ["C1"], pipeline: PipelineOptions(waivers: [expired, anonymous], waiversFile: "waivers.yml"),
            language: .fr)
        #expect(
            french.findings.filter { $0.rule == "AR-waiver-invalid" }.map(\.message) == [
                "La dérogation pour la règle K06 ne peut pas s'appliquer : elle a expiré le 2026-01-31.",
                "La dérogation pour l'empreinte abc ne peut pas s'appliquer : elle ne donne aucune justification, elle ne nomme aucun approbateur."
            ])
        #expect(PipelineOptions.invalidWaiver.guidance(in: .fr).hasPrefix("Une dérogation reporte la correction"))
        #expect(!PipelineOptions.invalidWaiver.guidance(in: .en).contains("\\"), "no stray backslash in the guidance")
    }

    @Test func anInvalidWaiverIsReportedUnderTheStandardsTheRunChecks() throws {
        let expired = Waiver(rule: "K06", justification: "old", approver: "A", expires: "2026-01-31", line: 4)
        let pipeline = PipelineOptions(waivers: [expired], waiversFile: "waivers.yml")
        let complaintsOnly = try Self.report(["C1"], pipeline: pipeline, standards: [.iso10002])
        let problem = try #require(complaintsOnly.findings.first { $0.rule == "AR-waiver-invalid" })
        #expect(problem.standard == .iso10002 && problem.clause == "8.7")
        let line = try #require(complaintsOnly.ruleResults.first { $0.id == "AR-waiver-invalid" })
        #expect(line.standard == .iso10002 && line.clause == "8.7" && line.findings == 1)
        #expect(
            !complaintsOnly.clauses.contains { $0.standard == .iso9001 },
            "no ISO 9001 clause in a run that checks only ISO 10002")
        #expect(complaintsOnly.clauses.first { $0.standard == .iso10002 && $0.clause == "8.7" }?.status == .gap)

        for standards: Set<Standard> in [[.iso9001], [.iso9001, .iso10002]] {
            let report = try Self.report(["C1"], pipeline: pipeline, standards: standards)
            let finding = try #require(report.findings.first { $0.rule == "AR-waiver-invalid" })
            #expect(finding.standard == .iso9001 && finding.clause == "10.2.1")
        }
    }

    @Test func recordPatternsMatchLikeShellGlobs() {
        #expect(Waiver.matches(Array("CMP-2026-07"), Array("CMP-*-07")))
        #expect(Waiver.matches(Array("CMP-1"), Array("CMP-?")))
        #expect(!Waiver.matches(Array("CMP-12"), Array("CMP-?")))
        #expect(!Waiver.matches(Array("XCMP-1"), Array("CMP-*")))
    }

    @Test func aBaselineLeavesOnlyNewFindings() throws {
        let first = try Self.report(["C1", "C2"])
        let baseline = Baseline(report: first)
        let second = try Self.report(
            ["C1", "C2", "C3"], pipeline: PipelineOptions(baseline: Set(baseline.fingerprints)))
        #expect(second.findings.compactMap(\.record) == ["C3"])
    }

    @Test func diffSortsFindingsIntoNewResolvedUnchangedAndRegraded() throws {
        let old = try Self.report(["C1", "C2"]).findings
        var new = try Self.report(["C2", "C3"]).findings
        #expect(ReportDiff(old: old, new: new).new.compactMap(\.record) == ["C3"])
        #expect(ReportDiff(old: old, new: new).resolved.compactMap(\.record) == ["C1"])
        #expect(ReportDiff(old: old, new: new).unchanged.compactMap(\.record) == ["C2"])
        new[0].grade = .major
        let diff = ReportDiff(old: old, new: new)
        #expect(diff.regraded.map(\.previousGrade) == [.observation])
        #expect(diff.worsened(atOrAbove: .major))
        #expect(diff.json.contains("\"previous_grade\" : \"observation\""))
    }

    @Test func configurationKeysAreCheckedWithTheirLine() throws {
        let config = try Configuration.parse(
            source: "stage: initial\nparams: {ack_days: 3}\nformats: [json, sarif]\nmax_findings: 5\n",
            path: "auditready.yml")
        #expect(config.stage == .initial && config.params == ["ack_days": "3"] && config.formats == [.json, .sarif])
        #expect(config.maxFindings == 5)
        #expect(throws: FileFormatError.self) {
            try Configuration.parse(source: "stage: initial\nfail_onn: minor\n", path: "a.yml")
        }
        do {
            _ = try Configuration.parse(source: "stage: initial\nfail_onn: minor\n", path: "a.yml")
        } catch {
            #expect(
                error.description.hasPrefix("a.yml:2:1: error: unknown setting 'fail_onn'; did you mean 'fail_on'?"))
        }
    }
}
