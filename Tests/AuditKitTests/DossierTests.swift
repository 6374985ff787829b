import Foundation
import Testing
@testable import AuditKit

/// The certification dossier: each recommendation, what became of stage 1's areas of concern,
/// every inconsistency naming both files, French, byte-identical output and the DOCX read back.
@Suite struct DossierTests {
    static let stage1Date = CalendarDate(year: 2026, month: 10, day: 15)!
    static let stage2Date = CalendarDate(year: 2026, month: 11, day: 15)!

    static let calibration = FollowUpTests.finding(
        "Q12-calibration-not-overdue", "7.1.5.2", .minor, record: "EQ-02",
        "Equipment EQ-02 is 54 days past its calibration date.")
    static let independence = FollowUpTests.finding(
        "Q46-auditor-independence", "9.2.2", .minor, record: "IA-2026-03",
        "Audit IA-2026-03 was carried out by the owner of an audited process.")
    static let internalAudit = FollowUpTests.finding(
        "Q44-internal-audit-done", "9.2.1", .major, record: nil,
        "No internal audit was carried out in the 12 months before 2026-11-15.")
    static let objective = FollowUpTests.finding(
        "Q20-objectives-measured", "6.2", .observation, record: "OBJ-3",
        "Objective OBJ-3 has no measurement this quarter.")

    static let acme = OrganisationIdentity(
        id: "FR-ADM-74", name: "Atelier Dupont Mécanique SAS", scope: "CNC machining", sites: ["Cluses"])

    /// A report as `check --format json` writes it, read back as the dossier reads it.
    static func report(
        _ findings: [Finding], stage: Stage, asOf: CalendarDate? = nil, path: String,
        standards: [Standard] = [.iso9001], organisation: OrganisationIdentity? = acme
    ) throws -> DossierReportFile {
        var findings = findings
        FindingFingerprint.assign(to: &findings)
        let date = asOf ?? (stage == .initial ? stage1Date : stage2Date)
        var report = AuditReport(
            asOf: date, stage: stage, standards: standards,
            inputs: [
                InputFile(path: "records.json", format: .json, sha256: String(repeating: "a", count: 64), records: 40)
            ],
            rules: .init(fingerprint: "rules-v1", evaluated: 5),
            notApplicable: [
                NotApplicableDeclaration(clause: "8.3", justification: "We do not design.", accepted: true)
            ],
            clauses: [], findings: findings, ruleResults: [])
        report.organisation = organisation
        return try DossierReportFile.read(data: json(report), path: path)
    }

    static func json(_ report: AuditReport) -> Data {
        Data(JSONReportRenderer().rendered(report).string.utf8)
    }

    /// The follow-up of `stage2` with `responses` (YAML entries), as `followup --format json` gives it.
    static func followUp(
        _ stage2: DossierReportFile, findings: [Finding], responses: String, asOf: String = "2027-02-15",
        recheck: [Finding]? = nil
    ) throws -> DossierFollowUpFile {
        var findings = findings
        FindingFingerprint.assign(to: &findings)
        let stageTwo = try StageTwoReport.read(data: json(FollowUpTests.auditReport(findings)), path: stage2.path)
        let parsed = try ResponseFileReader.read(source: "version: 1\nresponses:\n" + responses, path: "responses.yml")
        let date = CalendarDate.parse(asOf)!
        let result = try FollowUpEvaluator.evaluate(
            .init(
                report: stageTwo, reportPath: stage2.path, reportSHA256: stage2.sha256, responses: parsed,
                responsesPath: "responses.yml",
                recheck: recheck.map { FollowUpTests.auditReport($0, asOf: date) }, asOf: date))
        let data = Data(FollowUpJSONRenderer.render(result).utf8)
        return DossierFollowUpFile(
            report: try JSONDecoder().decode(FollowUpReport.self, from: data), path: "followup.json",
            sha256: FileDigest.sha256(data: data))
    }

    static func fingerprint(_ finding: Finding) -> String {
        var one = [finding]
        FindingFingerprint.assign(to: &one)
        return one[0].fingerprint
    }

    static func dossier(
        _ stage1: DossierReportFile, _ stage2: DossierReportFile, _ followUp: DossierFollowUpFile? = nil,
        language: Language = .en
    ) throws -> CertificationDossier {
        try DossierConsistency.check(stage1: stage1, stage2: stage2, followUp: followUp)
        return CertificationDossier(stage1: stage1, stage2: stage2, followUp: followUp, language: language)
    }

    // MARK: Recommendations

    @Test func grantWithoutNonconformity() throws {
        let dossier = try Self.dossier(
            try Self.report([Self.objective], stage: .initial, path: "s1.json"),
            try Self.report([Self.objective], stage: .certification, path: "s2.json"))
        #expect(dossier.recommendation.outcome == .grant)
        #expect(dossier.nonconformities.isEmpty)
        #expect(dossier.otherFindings == 1)
        #expect(dossier.isGrant)
    }

    @Test func minorsWaitForTheirPlans() throws {
        let dossier = try Self.dossier(
            try Self.report([], stage: .initial, path: "s1.json"),
            try Self.report(
                [Self.calibration, Self.independence, Self.objective], stage: .certification, path: "s2.json"))
        #expect(dossier.recommendation.outcome == .grantOncePlansAccepted)
        #expect(
            Set(dossier.recommendation.reasons.compactMap(\.fingerprint)) == [
                Self.fingerprint(Self.calibration), Self.fingerprint(Self.independence)
            ])
        #expect(dossier.recommendation.reasons[0].text.contains("action plan to be accepted"))
        #expect(dossier.nonconformities.allSatisfy { $0.status == nil })
    }

    @Test func majorsWaitForVerification() throws {
        let dossier = try Self.dossier(
            try Self.report([], stage: .initial, path: "s1.json"),
            try Self.report([Self.internalAudit, Self.calibration], stage: .certification, path: "s2.json"))
        #expect(dossier.recommendation.outcome == .notUntilMajorsVerified)
        #expect(dossier.recommendation.reasons.compactMap(\.fingerprint) == [Self.fingerprint(Self.internalAudit)])
        #expect(dossier.majorsVerifiedBy == "2027-05-15")
        #expect(dossier.recommendation.reasons[0].text.contains("to be verified by 2027-05-15"))
    }

    @Test func acceptedPlansAfterFollowUpGrant() throws {
        let findings = [Self.calibration, Self.independence]
        let stage2 = try Self.report(findings, stage: .certification, path: "s2.json")
        let answers = findings.map { FollowUpTests.complete(Self.fingerprint($0)) }.joined()
        let followUp = try Self.followUp(stage2, findings: findings, responses: answers)
        let dossier = try Self.dossier(try Self.report([], stage: .initial, path: "s1.json"), stage2, followUp)
        #expect(dossier.recommendation.outcome == .grant)
        #expect(
            dossier.nonconformities.allSatisfy { $0.status == .planAccepted && $0.response?.owner == "Claire Dupont" })
        #expect(dossier.followUp?.sha256 == followUp.sha256)
    }

    @Test func followUpWithAnOpenMinorWaitsForItsPlan() throws {
        let findings = [Self.calibration, Self.independence]
        let stage2 = try Self.report(findings, stage: .certification, path: "s2.json")
        let followUp = try Self.followUp(
            stage2, findings: findings, responses: FollowUpTests.complete(Self.fingerprint(Self.calibration)))
        let dossier = try Self.dossier(try Self.report([], stage: .initial, path: "s1.json"), stage2, followUp)
        #expect(dossier.recommendation.outcome == .grantOncePlansAccepted)
        #expect(dossier.recommendation.reasons.compactMap(\.fingerprint) == [Self.fingerprint(Self.independence)])
        #expect(dossier.recommendation.reasons[0].text.contains("follow-up status \"no response\""))
    }

    @Test func majorPastSixMonthsNeedsANewStage2() throws {
        let findings = [Self.internalAudit, Self.calibration]
        let stage2 = try Self.report(findings, stage: .certification, path: "s2.json")
        let followUp = try Self.followUp(
            stage2, findings: findings, responses: FollowUpTests.complete(Self.fingerprint(Self.calibration)),
            asOf: "2027-06-01")
        #expect(followUp.report.conclusion == .newStage2Needed)
        let dossier = try Self.dossier(try Self.report([], stage: .initial, path: "s1.json"), stage2, followUp)
        #expect(dossier.recommendation.outcome == .newStage2Needed)
        #expect(dossier.recommendation.reasons.compactMap(\.fingerprint) == [Self.fingerprint(Self.internalAudit)])
        #expect(!dossier.isGrant)
    }

    @Test func verifiedMajorGrants() throws {
        let findings = [Self.internalAudit]
        let stage2 = try Self.report(findings, stage: .certification, path: "s2.json")
        let done = FollowUpTests.complete(
            Self.fingerprint(Self.internalAudit), completed: "2027-01-20", evidence: ["IA-2027-01"])
        let followUp = try Self.followUp(stage2, findings: findings, responses: done, recheck: [])
        let dossier = try Self.dossier(try Self.report([], stage: .initial, path: "s1.json"), stage2, followUp)
        #expect(dossier.nonconformities.map(\.status) == [.verified])
        #expect(dossier.recommendation.outcome == .grant)
    }

    // MARK: Areas of concern

    @Test func areasOfConcernResolvedOrCarried() throws {
        let stage1 = try Self.report([Self.calibration, Self.internalAudit], stage: .initial, path: "s1.json")
        var regraded = Self.calibration
        regraded.grade = .major
        let stage2 = try Self.report([regraded], stage: .certification, path: "s2.json")
        let dossier = try Self.dossier(stage1, stage2)
        let byRule = Dictionary(uniqueKeysWithValues: dossier.areasOfConcern.map { ($0.rule, $0) })
        #expect(byRule["Q44-internal-audit-done"]?.resolution == .resolved)
        #expect(byRule["Q44-internal-audit-done"]?.stage1Grade == .major)
        #expect(byRule["Q44-internal-audit-done"]?.stage2Grade == nil)
        #expect(byRule["Q12-calibration-not-overdue"]?.resolution == .carried)
        #expect(byRule["Q12-calibration-not-overdue"]?.stage1Grade == .minor)
        #expect(byRule["Q12-calibration-not-overdue"]?.stage2Grade == .major)
        let markdown = DossierFormat.markdown.rendered(dossier).string
        #expect(markdown.contains(MarkdownReportRenderer.escape("carried into stage 2 (major nonconformity)")))
        #expect(markdown.contains("| resolved |"))
    }

    // MARK: Inconsistent inputs

    static func inconsistency(
        _ stage1: DossierReportFile, _ stage2: DossierReportFile,
        _ followUp: DossierFollowUpFile? = nil
    ) -> DossierInconsistency? {
        do {
            try DossierConsistency.check(stage1: stage1, stage2: stage2, followUp: followUp)
            return nil
        } catch {
            return error
        }
    }

    @Test func swappedStagesNameBothFiles() throws {
        let error = Self.inconsistency(
            try Self.report([], stage: .certification, path: "a.json"),
            try Self.report([], stage: .initial, path: "b.json"))
        #expect(error?.files == ["a.json", "b.json"])
        #expect(error?.description.hasPrefix("a.json and b.json: error: the stages are the wrong way round") == true)
        let twice2 = Self.inconsistency(
            try Self.report([], stage: .certification, path: "a.json"),
            try Self.report([], stage: .certification, path: "b.json"))
        #expect(twice2?.message.contains("both are stage 2 reports") == true)
        let twice1 = Self.inconsistency(
            try Self.report([], stage: .initial, path: "a.json"),
            try Self.report([], stage: .initial, path: "b.json"))
        #expect(twice1?.message.contains("both are stage 1 reports") == true)
    }

    @Test func differentOrganisationsNameBothFiles() throws {
        var other = Self.acme
        other.id = "FR-XYZ-01"
        let byId = Self.inconsistency(
            try Self.report([], stage: .initial, path: "a.json", organisation: other),
            try Self.report([], stage: .certification, path: "b.json"))
        #expect(byId?.files == ["a.json", "b.json"])
        #expect(
            byId?.message.contains("different organisations (export organisation_id 'FR-XYZ-01' and 'FR-ADM-74')")
                == true)
        let byName = Self.inconsistency(
            try Self.report(
                [], stage: .initial, path: "a.json",
                organisation: OrganisationIdentity(name: "Other SARL")),
            try Self.report([], stage: .certification, path: "b.json"))
        #expect(byName?.message.contains("'Other SARL' and 'Atelier Dupont Mécanique SAS'") == true)
        // A report that says nothing of its organisation is compared on what it says.
        #expect(
            Self.inconsistency(
                try Self.report([], stage: .initial, path: "a.json", organisation: nil),
                try Self.report([], stage: .certification, path: "b.json")) == nil)
    }

    @Test func differentStandardsNameBothFiles() throws {
        let error = Self.inconsistency(
            try Self.report([], stage: .initial, path: "a.json", standards: [.iso9001, .iso10002]),
            try Self.report([], stage: .certification, path: "b.json"))
        #expect(error?.files == ["a.json", "b.json"])
        #expect(error?.message.contains("different standards") == true)
    }

    @Test func stage2BeforeStage1NamesBothFiles() throws {
        let error = Self.inconsistency(
            try Self.report([], stage: .initial, path: "a.json"),
            try Self.report(
                [], stage: .certification, asOf: CalendarDate(year: 2026, month: 10, day: 1)!, path: "b.json"))
        #expect(error?.files == ["a.json", "b.json"])
        #expect(error?.message.contains("stage 2 (2026-10-01) is dated before stage 1 (2026-10-15)") == true)
    }

    @Test func followUpOfAnotherReportNamesBothFiles() throws {
        let stage2 = try Self.report([Self.calibration], stage: .certification, path: "b.json")
        var followUp = try Self.followUp(stage2, findings: [Self.calibration], responses: "")
        followUp.report.report.sha256 = String(repeating: "0", count: 64)
        let error = Self.inconsistency(try Self.report([], stage: .initial, path: "a.json"), stage2, followUp)
        #expect(error?.files == ["followup.json", "b.json"])
        #expect(error?.message.contains("the follow-up answers another report") == true)
    }

    @Test func notAReportIsRefused() {
        #expect(throws: FileFormatError.self) { try DossierReportFile.read(data: Data("{}".utf8), path: "x.json") }
    }

    // MARK: Output

    static func sampleDossier(language: Language = .en) throws -> CertificationDossier {
        let stage1 = try report([calibration, internalAudit, objective], stage: .initial, path: "s1.json")
        let findings = [calibration, independence, objective]
        let stage2 = try report(findings, stage: .certification, path: "s2.json")
        let answers = try Self.followUp(
            stage2, findings: findings, responses: FollowUpTests.complete(fingerprint(calibration)))
        return try dossier(stage1, stage2, answers, language: language)
    }

    @Test func frenchTexts() throws {
        let dossier = try Self.sampleDossier(language: .fr)
        let markdown = DossierFormat.markdown.rendered(dossier).string
        #expect(dossier.document.title == "Dossier de certification\u{00A0}: Atelier Dupont Mécanique SAS")
        #expect(markdown.hasPrefix("# " + MarkdownReportRenderer.escape(dossier.document.title)))
        #expect(markdown.contains("Accorder la certification une fois acceptés les plans d'action"))
        #expect(markdown.contains("statut du suivi «\u{00A0}sans réponse\u{00A0}»"))
        #expect(markdown.contains("Points sensibles de l'étape 1"))
        #expect(markdown.contains("reporté à l'étape 2 \\(non-conformité mineure\\)"))
        let html = DossierFormat.html.rendered(dossier).string
        #expect(html.contains("<html lang=\"fr\">"))
    }

    @Test func everyFormatIsByteIdentical() throws {
        for format in DossierFormat.allCases {
            var first: [UInt8] = [], second: [UInt8] = []
            try format.rendered(try Self.sampleDossier()).write { first.append(contentsOf: $0) }
            try format.rendered(try Self.sampleDossier()).write { second.append(contentsOf: $0) }
            #expect(!first.isEmpty)
            #expect(first == second, "\(format)")
        }
    }

    @Test func jsonCarriesTheEvidenceAndTheRecommendation() throws {
        let dossier = try Self.sampleDossier()
        let text = DossierFormat.json.rendered(dossier).string
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["recommendation"] as? [String: Any])?["outcome"] as? String == "grant_once_plans_accepted")
        #expect((object["stage2"] as? [String: Any])?["sha256"] as? String == dossier.stage2.sha256)
        #expect((object["organisation"] as? [String: Any])?["id"] as? String == "FR-ADM-74")
        #expect((object["follow_up"] as? [String: Any])?["path"] as? String == "followup.json")
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
    }

    @Test(
        .enabled(
            if: DOCXWriterTests.pythonDocxAvailable,
            "skipped: python3 with the python-docx module is missing (pip install python-docx)"),
        arguments: [Language.en, .fr])
    func pythonDocxReadsTheDossier(_ language: Language) throws {
        let dossier = try Self.sampleDossier(language: language)
        var bytes: [UInt8] = []
        try DossierFormat.docx.rendered(dossier).write { bytes.append(contentsOf: $0) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).docx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/check-docx.py").path
        let strings = dossier.strings
        let outcome = try SARIFSchemaTests.run([
            script, file.path, "--lang", language == .fr ? "fr-FR" : "en-GB",
            "--title", dossier.document.title,
            "--expect-cell", dossier.stage2.sha256, "--expect-cell", "Q12-calibration-not-overdue",
            "--expect-text", strings.outcome(dossier.recommendation.outcome)
        ])
        #expect(outcome.status == 0, "python-docx: \(outcome.output)")
        #expect(outcome.output.hasPrefix("ok: "), "\(outcome.output)")
    }
}
