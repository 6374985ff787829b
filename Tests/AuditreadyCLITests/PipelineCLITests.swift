import Foundation
import Testing

/// `check` in a pipeline: baselines, waivers, --max-findings, auditready.yml; `diff`; `waivers lint`.
@Suite struct PipelineCLITests {
    static let sample = CommandRunner.path("Samples/acme-small/records.json")

    @Test func baselineThenDiffShowsProgress() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let first = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-15", "--format", "json", "--output", "r1.json",
                "--write-baseline", "base.json", "--fail-on", "none"
            ], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-15", "--baseline", "base.json",
                "--fail-on", "minor", "--format", "json"
            ], in: directory)
        #expect(again.status == 0)
        #expect(
            again.stdout.contains("\"findings\" : [\n\n  ]") || again.stdout.contains("\"findings\" : [ ]")
                || again.stdout.contains("\"findings\" : []"))

        // A later export acknowledges the late complaint in time: the diff shows it resolved.
        var text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"acknowledged_on\": \"2026-04-14\"", with: "\"acknowledged_on\": \"2026-04-08\"")
        try text.write(to: directory.appendingPathComponent("fixed.json"), atomically: true, encoding: .utf8)
        _ = try CommandRunner.run(
            [
                "check", "fixed.json", "--as-of", "2026-11-15", "--format", "json", "--output", "r2.json",
                "--fail-on", "none"
            ], in: directory)
        let diff = try CommandRunner.run(["diff", "r1.json", "r2.json", "--format", "json"], in: directory)
        #expect(diff.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: [Any]])
        #expect(Set(object.keys) == ["new", "resolved", "unchanged", "regraded"])
        #expect(object["resolved"]?.count == 1)
        #expect(object["new"]?.count == 0)
        let backwards = try CommandRunner.run(["diff", "r2.json", "r1.json", "--fail-on", "minor"], in: directory)
        #expect(backwards.status == 1)
        #expect(backwards.stdout.contains("New findings (1)"))
    }

    @Test func maxFindingsAllowsAKnownNumber() throws {
        let strict = try CommandRunner.run(["check", Self.sample, "--as-of", "2026-11-15", "--fail-on", "minor"])
        #expect(strict.status == 1)
        let tolerant = try CommandRunner.run([
            "check", Self.sample, "--as-of", "2026-11-15", "--fail-on", "minor", "--max-findings", "8"
        ])
        #expect(tolerant.status == 0)
    }

    @Test func waiversLintFailsOnExpiredOrUnapprovedWaivers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data(
            """
            waivers:
              - rule: K07-acknowledgement-on-time
                record: CMP-2026-04
                justification: Letters delayed by the postal strike
                approver: Claire Dupont
                expires: 2026-12-31
              - rule: Q12-calibration-not-overdue
                justification: Sent for calibration
                expires: 2026-10-31
            """.utf8
        ).write(to: directory.appendingPathComponent("waivers.yml"))
        let lint = try CommandRunner.run(["waivers", "lint", "waivers.yml", "--as-of", "2026-11-15"], in: directory)
        #expect(lint.status == 1)
        #expect(
            lint.stdout.contains(
                "waivers.yml:7: error: this waiver cannot be applied: it names no approver, it expired on 2026-10-31"))
        let check = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-15", "--waivers", "waivers.yml",
                "--format", "json", "--fail-on", "none"
            ], in: directory)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["waiver"] != nil }.map { $0["record"] as? String } == ["CMP-2026-04"])
        #expect(findings.contains { $0["rule"] as? String == "AR-waiver-invalid" })

        // A run checking only ISO 10002 reports the waiver under ISO 10002, not ISO 9001.
        let complaints = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-15", "--waivers", "waivers.yml", "--standard", "iso10002",
                "--fail-on", "none"
            ], in: directory)
        #expect(complaints.stdout.contains("ISO 10002:2018 8.7  [AR-waiver-invalid]"))
        #expect(!complaints.stdout.contains("ISO 9001"))
        let json = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-15", "--waivers", "waivers.yml", "--standard", "iso10002",
                "--format", "json", "--fail-on", "none"
            ], in: directory)
        let complaintsReport = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let waiverFindings = try #require(complaintsReport["findings"] as? [[String: Any]])
            .filter { $0["rule"] as? String == "AR-waiver-invalid" }
        #expect(waiverFindings.map { $0["standard"] as? String } == ["iso10002"])
        #expect(waiverFindings.map { $0["clause"] as? String } == ["8.7"])
    }

    @Test func configurationFileDrivesTheRunAndOptionsOverrideIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data("as_of: 2026-11-15\nformats: [json, csv]\noutput_dir: out\nfail_on: minor\n".utf8)
            .write(to: directory.appendingPathComponent("auditready.yml"))
        let run = try CommandRunner.run(["check", Self.sample], in: directory)
        #expect(run.status == 1)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/report.json").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/report.csv").path))
        let overridden = try CommandRunner.run(["check", Self.sample, "--fail-on", "major"], in: directory)
        #expect(overridden.status == 0)

        try Data("stage: initial\nfail_onn: minor\n".utf8).write(to: directory.appendingPathComponent("auditready.yml"))
        let bad = try CommandRunner.run(["check", Self.sample], in: directory)
        #expect(bad.status == 2)
        #expect(
            bad.stderr
                == "auditready.yml:2:1: error: unknown setting 'fail_onn'; did you mean 'fail_on'? the settings are rules, standards, stage, as_of, params, formats, output, output_dir, lang, fail_on, max_findings, waivers, baseline, write_baseline\n"
                || bad.stderr.hasPrefix(
                    "auditready.yml:2:1: error: unknown setting 'fail_onn'; did you mean 'fail_on'?")
        )
    }
}
