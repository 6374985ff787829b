import Foundation
import Testing
@testable import AuditKit

/// The follow-up of a stage 2 report: responses matched to findings, every status, the six-month
/// rule for majors, errors with their line, the template round trip, French and stable output.
@Suite struct FollowUpTests {
    static let auditDate = CalendarDate(year: 2026, month: 11, day: 15)!
    static let followUpDate = CalendarDate(year: 2027, month: 2, day: 15)!

    /// A major about the export as a whole, three minors on records and an observation.
    static let originalFindings: [Finding] = [
        finding(
            "Q44-internal-audit-done", "9.2.1", .major, record: nil,
            "No internal audit was carried out in the 12 months before 2026-11-15."),
        finding(
            "Q12-calibration-not-overdue", "7.1.5.2", .minor, record: "EQ-02",
            "Equipment EQ-02 is 54 days past its calibration date."),
        finding(
            "Q46-auditor-independence", "9.2.2", .minor, record: "IA-2026-03",
            "Audit IA-2026-03 was carried out by the owner of an audited process."),
        finding(
            "Q51-review-inputs-complete", "9.3.2", .minor, record: "MR-2026",
            "Management review MR-2026 did not consider supplier performance."),
        finding(
            "Q20-objectives-measured", "6.2", .observation, record: "OBJ-3",
            "Objective OBJ-3 has no measurement this quarter.")
    ]

    static func finding(_ rule: String, _ clause: String, _ grade: Grade, record: String?, _ message: String) -> Finding
    {
        Finding(
            rule: rule, standard: .iso9001, clause: clause, grade: grade, collection: record == nil ? nil : "records",
            record: record, message: message,
            location: .init(file: record == nil ? nil : "records.json", line: record == nil ? nil : 10))
    }

    static func auditReport(
        _ findings: [Finding], asOf: CalendarDate = auditDate, language: Language = .en,
        ruleFingerprint: String = "rules-v1"
    ) -> AuditReport {
        var findings = findings
        FindingFingerprint.assign(to: &findings)
        // Every rule of the original findings ran (a re-check that did not run one proves nothing).
        let rules = Set((originalFindings + findings).map(\.rule)).sorted()
        let results = rules.map {
            RuleResult(id: $0, title: $0, standard: .iso9001, clause: "9", grade: .minor, guidance: nil, findings: 0)
        }
        return AuditReport(
            asOf: asOf, stage: .certification, language: language, standards: [.iso9001],
            inputs: [
                InputFile(path: "records.json", format: .json, sha256: String(repeating: "a", count: 64), records: 40)
            ],
            rules: .init(fingerprint: ruleFingerprint, evaluated: 5), clauses: [], findings: findings,
            ruleResults: results)
    }

    /// The stage 2 report as `auditready followup` reads it back from its JSON.
    static func stageTwo(_ findings: [Finding] = originalFindings, language: Language = .en) throws -> StageTwoReport {
        let json = JSONReportRenderer().rendered(auditReport(findings, language: language)).string
        return try StageTwoReport.read(data: Data(json.utf8), path: "report.json")
    }

    static func fingerprint(_ rule: String, in report: StageTwoReport) -> String {
        report.findings.first { $0.rule == rule }?.fingerprint ?? "?"
    }

    /// A response with every part of the plan.
    static func complete(
        _ fingerprint: String, due: String = "2027-03-31", completed: String? = nil,
        evidence: [String] = ["CAL-2026-11"]
    ) -> String {
        """
          - fingerprint: "\(fingerprint)"
            correction: Put right.
            root_cause: Nobody checked.
            corrective_action: A monthly check.
            owner: Claire Dupont
            due_on: \(due)
            completed_on: \(completed ?? "")
            evidence: [\(evidence.joined(separator: ", "))]

        """
    }

    static func followUp(
        _ responses: String, report: StageTwoReport, recheck: [Finding]? = nil,
        asOf: CalendarDate = followUpDate, auditEnd: CalendarDate? = nil,
        language: Language = .en, ruleFingerprint: String = "rules-v1"
    ) throws -> FollowUpReport {
        let parsed = try ResponseFileReader.read(source: "version: 1\nresponses:\n" + responses, path: "responses.yml")
        return try FollowUpEvaluator.evaluate(
            .init(
                report: report, reportPath: "report.json", responses: parsed, responsesPath: "responses.yml",
                recheck: recheck.map { auditReport($0, asOf: asOf, ruleFingerprint: ruleFingerprint) },
                asOf: asOf, auditEnd: auditEnd, language: language))
    }

    static func status(_ rule: String, in result: FollowUpReport) -> FollowUpStatus? {
        result.items.first { $0.rule == rule }?.status
    }

    @Test func everyStatusFromOneFollowUp() throws {
        let report = try Self.stageTwo()
        let major = Self.fingerprint("Q44-internal-audit-done", in: report)
        let calibration = Self.fingerprint("Q12-calibration-not-overdue", in: report)
        let independence = Self.fingerprint("Q46-auditor-independence", in: report)
        let review = Self.fingerprint("Q51-review-inputs-complete", in: report)
        let responses =
            Self.complete(major, completed: "2027-01-10", evidence: ["IA-2027-01"])
            + Self.complete(calibration, completed: "2026-11-20")
            + Self.complete(independence, due: "2027-01-31")
            + "  - rule: Q51-review-inputs-complete\n    record: MR-2026\n    correction: Review completed.\n"
        // The new export: the calibration is still overdue; the major and the rest are gone.
        let recheck = [Self.originalFindings[1]]
        let result = try Self.followUp(responses, report: report, recheck: recheck)
        #expect(Self.status("Q44-internal-audit-done", in: result) == .verified)
        #expect(Self.status("Q12-calibration-not-overdue", in: result) == .notEffective)
        #expect(Self.status("Q46-auditor-independence", in: result) == .overdue)
        #expect(Self.status("Q51-review-inputs-complete", in: result) == .responseIncomplete)
        #expect(Self.status("Q20-objectives-measured", in: result) == .noResponse)
        #expect(result.conclusion == .openItems)
        #expect(!result.isSatisfied)
        #expect(review == result.items.first { $0.rule == "Q51-review-inputs-complete" }?.fingerprint)
        // An observation needs no response: its status does not hold certification back.
        #expect(result.items.first { $0.rule == "Q20-objectives-measured" }?.required == false)
    }

    @Test func minorsWithCompletePlansAndVerifiedMajorsAllowCertification() throws {
        let report = try Self.stageTwo()
        var responses = Self.complete(Self.fingerprint("Q44-internal-audit-done", in: report), completed: "2027-01-10")
        for rule in ["Q12-calibration-not-overdue", "Q46-auditor-independence", "Q51-review-inputs-complete"] {
            responses += Self.complete(Self.fingerprint(rule, in: report))
        }
        let result = try Self.followUp(responses, report: report, recheck: [])
        #expect(Self.status("Q12-calibration-not-overdue", in: result) == .planAccepted)
        #expect(Self.status("Q44-internal-audit-done", in: result) == .verified)
        #expect(result.conclusion == .allMajorsVerifiedMinorPlansAccepted)
        #expect(result.isSatisfied)
    }

    @Test func withoutANewExportNothingIsVerified() throws {
        let report = try Self.stageTwo()
        let responses = Self.complete(Self.fingerprint("Q44-internal-audit-done", in: report), completed: "2027-01-10")
        let result = try Self.followUp(responses, report: report, recheck: nil)
        #expect(Self.status("Q44-internal-audit-done", in: result) == .planAccepted)
        #expect(result.notes.contains("No new export given: implementation not verified."))
        #expect(result.items.allSatisfy { $0.stillFires == nil })
        #expect(result.conclusion == .openItems)
    }

    @Test func aMajorNotVerifiedWithinSixMonthsNeedsANewStage2() throws {
        let report = try Self.stageTwo()
        let major = Self.fingerprint("Q44-internal-audit-done", in: report)
        // 2026-11-15 + 6 months = 2027-05-15: one day later the plan alone is too late.
        let late = try Self.followUp(
            Self.complete(major, due: "2027-06-30"), report: report, recheck: [],
            asOf: CalendarDate(year: 2027, month: 5, day: 16)!)
        #expect(late.majorsVerifiedBy == "2027-05-15")
        #expect(Self.status("Q44-internal-audit-done", in: late) == .overdue)
        #expect(late.conclusion == .newStage2Needed)
        #expect(late.items.first?.reason.contains("a new stage 2 audit is needed before certification") == true)
        // On the last day it is still in time.
        let onTime = try Self.followUp(
            Self.complete(major, due: "2027-06-30"), report: report, recheck: [],
            asOf: CalendarDate(year: 2027, month: 5, day: 15)!)
        #expect(Self.status("Q44-internal-audit-done", in: onTime) == .planAccepted)
        #expect(onTime.conclusion == .openItems)
        // --audit-end moves the deadline: stage 2 ended on 2026-12-01.
        let laterEnd = try Self.followUp(
            Self.complete(major, due: "2027-06-30"), report: report, recheck: [],
            asOf: CalendarDate(year: 2027, month: 5, day: 16)!,
            auditEnd: CalendarDate(year: 2026, month: 12, day: 1)!)
        #expect(laterEnd.majorsVerifiedBy == "2027-06-01")
        #expect(laterEnd.conclusion == .openItems)
        // Verified in time stays verified when followed up again later.
        let verified = try Self.followUp(
            Self.complete(major, completed: "2027-04-01"), report: report, recheck: [],
            asOf: CalendarDate(year: 2027, month: 9, day: 1)!)
        #expect(Self.status("Q44-internal-audit-done", in: verified) == .verified)
        #expect(verified.conclusion != .newStage2Needed)
        // Completed after the deadline is too late.
        let tooLate = try Self.followUp(
            Self.complete(major, completed: "2027-06-01"), report: report, recheck: [],
            asOf: CalendarDate(year: 2027, month: 6, day: 2)!)
        #expect(Self.status("Q44-internal-audit-done", in: tooLate) == .overdue)
        #expect(tooLate.conclusion == .newStage2Needed)
        // No response at all after the deadline.
        let silent = try Self.followUp(
            "", report: report, recheck: [], asOf: CalendarDate(year: 2027, month: 6, day: 2)!)
        #expect(Self.status("Q44-internal-audit-done", in: silent) == .overdue)
    }

    @Test func aWholeExportFindingIsVerifiedOnlyWhenItsRuleGivesNoFinding() throws {
        let report = try Self.stageTwo()
        let major = Self.fingerprint("Q44-internal-audit-done", in: report)
        let stillThere = try Self.followUp(
            Self.complete(major, completed: "2027-01-10"), report: report,
            recheck: [Self.originalFindings[0]])
        #expect(Self.status("Q44-internal-audit-done", in: stillThere) == .notEffective)
        #expect(stillThere.items.first?.reason.contains("still gives a finding") == true)
    }

    @Test func aRuleNotRunOnTheNewExportVerifiesNothing() throws {
        let report = try Self.stageTwo()
        let calibration = Self.fingerprint("Q12-calibration-not-overdue", in: report)
        // The re-check evaluated only Q44: Q12's silence proves nothing.
        let parsed = try ResponseFileReader.read(
            source: "version: 1\nresponses:\n" + Self.complete(calibration, completed: "2026-11-20"),
            path: "responses.yml")
        var recheck = Self.auditReport([], asOf: Self.followUpDate)
        recheck.ruleResults = [
            RuleResult(
                id: "Q44-internal-audit-done", title: "", standard: .iso9001, clause: "9.2.1",
                grade: .major, guidance: nil, findings: 0)
        ]
        let result = try FollowUpEvaluator.evaluate(
            .init(
                report: report, reportPath: "report.json", responses: parsed,
                responsesPath: "responses.yml", recheck: recheck, asOf: Self.followUpDate))
        let item = try #require(result.items.first { $0.rule == "Q12-calibration-not-overdue" })
        #expect(item.status == .planAccepted)
        #expect(item.stillFires == nil)
        #expect(item.reason.contains("was not evaluated on the new export"))
        #expect(Self.status("Q44-internal-audit-done", in: result) == .noResponse)
    }

    @Test func anIncompleteResponseNamesWhatIsMissing() throws {
        let report = try Self.stageTwo()
        let responses = """
              - fingerprint: "\(Self.fingerprint("Q12-calibration-not-overdue", in: report))"
                correction: Micrometer recalibrated.
                owner: Luc Bernard
                completed_on: 2026-11-20

            """
        let result = try Self.followUp(responses, report: report, recheck: [])
        let item = try #require(result.items.first { $0.rule == "Q12-calibration-not-overdue" })
        #expect(item.status == .responseIncomplete)
        #expect(item.missing == [.rootCause, .correctiveAction, .dueOn, .evidence])
        #expect(
            item.reason
                == "Missing: root cause, corrective action, due date, evidence. A correction without root cause analysis and corrective action is not a response."
        )
    }

    @Test func aResponseForAnUnknownFindingIsAnErrorAtItsLine() throws {
        let report = try Self.stageTwo()
        let responses =
            Self.complete(Self.fingerprint("Q12-calibration-not-overdue", in: report))
            + Self.complete("0123456789abcdef")
        let error = try #require(throws: FileFormatError.self) { try Self.followUp(responses, report: report) }
        #expect(error.line == 11)
        #expect(error.description.hasPrefix("responses.yml:11:"))
        #expect(error.message.contains("no finding of the report has the fingerprint '0123456789abcdef'"))
        let byRule = try #require(throws: FileFormatError.self) {
            try Self.followUp("  - rule: Q12-calibration-not-overdue\n    record: EQ-09\n", report: report)
        }
        #expect(byRule.line == 3)
        #expect(
            byRule.message == "the report has no open finding of rule Q12-calibration-not-overdue about record EQ-09")
    }

    @Test func aSecondResponseToTheSameFindingIsAnError() throws {
        let report = try Self.stageTwo()
        let fingerprint = Self.fingerprint("Q46-auditor-independence", in: report)
        let responses = Self.complete(fingerprint) + "  - rule: Q46-auditor-independence\n    record: IA-2026-03\n"
        let error = try #require(throws: FileFormatError.self) { try Self.followUp(responses, report: report) }
        #expect(error.line == 11)
        #expect(
            error.message.contains(
                "a second response to the finding of rule Q46-auditor-independence about record IA-2026-03"))
        #expect(error.message.contains("the first is at line 3"))
    }

    @Test func aWholeExportFindingIsAddressedByItsRuleAlone() throws {
        let report = try Self.stageTwo()
        #expect(report.findings.allSatisfy { !$0.fingerprint.isEmpty })
        #expect(Set(report.findings.map(\.fingerprint)).count == report.findings.count)
        let result = try Self.followUp(
            "  - rule: Q44-internal-audit-done\n    correction: Audit planned.\n", report: report)
        #expect(result.items.first { $0.rule == "Q44-internal-audit-done" }?.response?.correction == "Audit planned.")
    }

    @Test func responsesFilesAreRefusedWithTheirPlace() throws {
        func error(_ yaml: String) throws -> FileFormatError {
            try #require(throws: FileFormatError.self) { try ResponseFileReader.read(source: yaml, path: "r.yml") }
        }
        // A file without a version is version 1, like the files written before the key was read.
        #expect(try ResponseFileReader.read(source: "responses: []\n", path: "responses.yml").isEmpty)
        #expect(
            try error("version: 2\nresponses: []\n").message.contains(
                "version 2 of the responses file is not supported"))
        let alias = try error("version: 1\nresponses:\n  - &a {rule: Q44}\n  - *a\n")
        #expect(alias.message.contains("anchors and aliases"))
        #expect(alias.line == 3)
        let typo = try error("version: 1\nresponses:\n  - rule: Q44\n    root_cuase: x\n")
        #expect(
            typo.description == "r.yml:4:5: error: unknown key 'root_cuase' in a response; did you mean 'root_cause'?")
        let date = try error("version: 1\nresponses:\n  - rule: Q44\n    due_on: 31/01/2027\n")
        #expect(date.line == 4)
        #expect(date.message.contains("'due_on' needs a date written YYYY-MM-DD"))
        #expect(try error("version: 1\nresponses:\n  - correction: x\n").message.contains("names no finding"))
    }

    @Test func aReportThatIsNotAStage2JSONReportIsRefused() throws {
        let stage1 = JSONReportRenderer().rendered(
            AuditReport(
                asOf: Self.auditDate, stage: .initial, standards: [.iso9001], inputs: [],
                rules: .init(fingerprint: "x", evaluated: 0),
                clauses: [], findings: [], ruleResults: [])
        ).string
        let error = try #require(throws: FileFormatError.self) {
            try StageTwoReport.read(data: Data(stage1.utf8), path: "s1.json")
        }
        #expect(error.message.contains("stage 1"))
        let other = try #require(throws: FileFormatError.self) {
            try StageTwoReport.read(data: Data("{\"a\": 1}".utf8), path: "x.json")
        }
        #expect(
            other.description
                == "x.json: error: this is not an auditready JSON report; give the report written by auditready check --format json"
        )
    }

    @Test func theTemplateReadsBackAndAnswersEveryOpenFinding() throws {
        let report = try Self.stageTwo()
        let template = ResponseTemplateWriter.template(for: report, language: .en)
        #expect(template.hasPrefix("# Responses to the findings of the certification audit (stage 2) of 2026-11-15"))
        let responses = try ResponseFileReader.read(source: template, path: "template.yml")
        #expect(responses.count == report.findings.count)
        #expect(responses.map(\.fingerprint) == report.findings.map(\.fingerprint))
        // Unfilled, every finding is incomplete; filled in, the plans are accepted.
        let unfilled = try FollowUpEvaluator.evaluate(
            .init(
                report: report, reportPath: "report.json", responses: responses,
                responsesPath: "template.yml", asOf: Self.followUpDate))
        #expect(unfilled.items.allSatisfy { $0.status == .responseIncomplete })
        let filled =
            template
            .replacingOccurrences(of: "correction: \"\"", with: "correction: Done.")
            .replacingOccurrences(of: "root_cause: \"\"", with: "root_cause: Found.")
            .replacingOccurrences(of: "corrective_action: \"\"", with: "corrective_action: Changed.")
            .replacingOccurrences(of: "owner: \"\"", with: "owner: Claire Dupont")
            .replacingOccurrences(of: "due_on: \"\"", with: "due_on: 2027-04-30")
        let answered = try FollowUpEvaluator.evaluate(
            .init(
                report: report, reportPath: "report.json",
                responses: try ResponseFileReader.read(source: filled, path: "filled.yml"),
                responsesPath: "filled.yml", asOf: Self.followUpDate))
        #expect(answered.items.allSatisfy { $0.status == .planAccepted })
        #expect(answered.conclusion == .openItems)  // the major still waits for verification
    }

    @Test func textsOfFindingsCannotBreakTheTemplate() throws {
        let hostile = Self.finding(
            "Q46-auditor-independence", "9.2.2", .minor, record: "IA\"\n- x: &a",
            "Line one\nresponses: *a \"quoted\" \\ back\u{7}slash")
        let report = try Self.stageTwo([hostile])
        let responses = try ResponseFileReader.read(
            source: ResponseTemplateWriter.template(for: report, language: .fr), path: "t.yml")
        #expect(responses.count == 1)
        #expect(responses.first?.record == "IA\"\n- x: &a")
    }

    @Test func frenchFollowUp() throws {
        let report = try Self.stageTwo(language: .fr)
        let result = try Self.followUp("", report: report, recheck: nil, language: .fr)
        let text = FollowUpFormat.text.render(result)
        #expect(text.contains("Suivi des actions correctives"))
        #expect(text.contains("Aucun nouvel export fourni\u{00A0}: la mise en œuvre n'est pas vérifiée."))
        #expect(text.contains("SANS RÉPONSE"))
        #expect(text.contains("Conclusion\u{00A0}: Des points restent ouverts\u{00A0}:"))
        let template = ResponseTemplateWriter.template(for: report, language: .fr)
        #expect(template.contains("# Réponses aux constats de l'audit de certification (étape 2) du 2026-11-15"))
        #expect(template.contains("# non-conformité mineure"))
    }

    @Test func everyFormatIsStableAndEscaped() throws {
        let hostile = Self.finding(
            "Q46-auditor-independence", "9.2.2", .minor, record: "<script>alert(1)</script>",
            "=HYPERLINK(\"x\") | <b>bold</b>")
        let report = try Self.stageTwo([hostile])
        let result = try Self.followUp("", report: report, recheck: [], ruleFingerprint: "rules-v2")
        #expect(result.notes.contains { $0.contains("differ from those of the report") })
        for format in FollowUpFormat.allCases {
            let again = try Self.followUp("", report: report, recheck: [], ruleFingerprint: "rules-v2")
            #expect(format.render(result) == format.render(again))
        }
        #expect(!FollowUpFormat.html.render(result).contains("<script>"))
        #expect(FollowUpFormat.csv.render(result).contains("\"'=HYPERLINK(\"\"x\"\") | <b>bold</b>\""))
        #expect(
            FollowUpFormat.markdown.render(result).contains("\\<b\\>bold\\</b\\> \\|")
                || FollowUpFormat.markdown.render(result).contains("\\| \\<b\\>"))
        let json =
            try JSONSerialization.jsonObject(with: Data(FollowUpFormat.json.render(result).utf8)) as? [String: Any]
        #expect(json?["conclusion"] as? String == "open_items")
        #expect((json?["report"] as? [String: Any])?["rules"] != nil)
        #expect(json?["majors_verified_by"] as? String == "2027-05-15")
    }

    @Test func parameterOverridesAreRecordedInTheReportOnlyWhenGiven() throws {
        var report = Self.auditReport(Self.originalFindings)
        #expect(!JSONReportRenderer().rendered(report).string.contains("parameter_overrides"))
        report.parameterOverrides = ["systemic_threshold": "5", "ack_days": "3"]
        let json = JSONReportRenderer().rendered(report).string
        #expect(
            json.contains(
                "\"parameter_overrides\" : {\n    \"ack_days\" : \"3\",\n    \"systemic_threshold\" : \"5\"\n  },"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(json == String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        #expect(
            try StageTwoReport.read(data: Data(json.utf8), path: "r.json").parameterOverrides
                == report.parameterOverrides)
    }

    @Test func theResponsesSchemaNamesTheKeysTheReaderAccepts() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: ContractSchemaTests.repository
                        .appendingPathComponent("schemas/responses.schema.json"))) as? [String: Any])
        let top = try #require(schema["properties"] as? [String: Any])
        #expect(Set(top.keys) == ["version", "responses"])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let response = try #require(definitions["response"] as? [String: Any])
        let keys = try #require(response["properties"] as? [String: Any])
        #expect(Set(keys.keys) == Set(ResponseFileReader.responseKeys))
        // The sample responses file reads: seven responses, CMP-2026-08 left unanswered.
        let sample = try ResponseFileReader.load(
            path: ContractSchemaTests.repository
                .appendingPathComponent("Samples/acme-small/responses.yml").path)
        #expect(sample.count == 7)
    }
}
