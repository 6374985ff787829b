import Foundation
import Testing

/// `auditready followup` end to end: the sample's responses and corrected export, the template
/// round trip, exit codes, errors on one line, French and byte-identical output.
@Suite struct FollowupCLITests {
    static let sample = CommandRunner.path("Samples/acme-small/records.json")
    static let corrected = CommandRunner.path("Samples/acme-small/records-corrected.json")
    static let responses = CommandRunner.path("Samples/acme-small/responses.yml")

    /// A directory holding the stage 2 JSON report of the acme-small sample as `report.json`.
    static func withReport() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        let check = try CommandRunner.run(
            ["check", sample, "--as-of", "2026-11-15", "--format", "json", "--output", "report.json"],
            in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        return directory
    }

    @Test func theSampleGivesEveryKindOfStatus() throws {
        let directory = try Self.withReport()
        let run = try CommandRunner.run(
            [
                "followup", "report.json", "--responses", Self.responses, Self.corrected,
                "--as-of", "2027-02-15", "--format", "json"
            ], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for item in items { statuses[item["record"] as? String ?? ""] = item["status"] as? String }
        #expect(
            statuses == [
                "EQ-02": "verified", "CMP-2026-03": "verified", "IA-2026-03": "plan-accepted",
                "MR-2026": "plan-accepted", "CMP-2026-06": "response-incomplete",
                "CMP-2026-07": "not-effective", "CMP-2026-04": "overdue", "CMP-2026-08": "no-response"
            ])
        #expect(object["conclusion"] as? String == "open_items")
        #expect(object["majors_verified_by"] as? String == "2027-05-15")
        let export = try #require(object["new_export"] as? [String: Any])
        #expect((export["inputs"] as? [[String: Any]])?.first?["sha256"] as? String != nil)
        #expect(((object["report"] as? [String: Any])?["rules"] as? [String: Any])?["fingerprint"] != nil)
        // Identical inputs, identical bytes.
        let again = try CommandRunner.run(
            [
                "followup", "report.json", "--responses", Self.responses, Self.corrected,
                "--as-of", "2027-02-15", "--format", "json"
            ], in: directory)
        #expect(again.stdout == run.stdout)
    }

    @Test func withoutANewExportTheResultSaysNothingIsVerified() throws {
        let directory = try Self.withReport()
        let run = try CommandRunner.run(
            ["followup", "report.json", "--responses", Self.responses, "--as-of", "2027-02-15"],
            in: directory)
        #expect(run.status == 1)
        #expect(run.stdout.contains("No new export given: implementation not verified."))
        #expect(!run.stdout.contains("VERIFIED\n"))
        let french = try CommandRunner.run(
            [
                "followup", "report.json", "--responses", Self.responses, "--as-of", "2027-02-15",
                "--lang", "fr", "--format", "markdown"
            ], in: directory)
        #expect(french.stdout.contains("# Suivi des actions correctives"))
        #expect(french.stdout.contains("Aucun nouvel export fourni\u{00A0}: la mise en œuvre n'est pas vérifiée."))
    }

    @Test func templateFilledInThenFollowedUpExitsZero() throws {
        let directory = try Self.withReport()
        let template = try CommandRunner.run(
            ["followup", "--template", "report.json", "--output", "responses.yml"], in: directory)
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout.isEmpty)
        var text = try String(contentsOf: directory.appendingPathComponent("responses.yml"), encoding: .utf8)
        #expect(text.components(separatedBy: "  - fingerprint:").count == 9)
        // Untouched, every response is incomplete.
        let unfilled = try CommandRunner.run(
            ["followup", "report.json", "--responses", "responses.yml", "--as-of", "2027-01-10"],
            in: directory)
        #expect(unfilled.status == 1)
        #expect(unfilled.stdout.contains("verified: 0, plan accepted: 0, response incomplete: 8"))
        for (key, value) in [
            ("correction", "Put right."), ("root_cause", "Found."), ("corrective_action", "Changed."),
            ("owner", "Claire Dupont"), ("due_on", "2027-03-31")
        ] {
            text = text.replacingOccurrences(of: "\(key): \"\"", with: "\(key): \(value)")
        }
        try text.write(to: directory.appendingPathComponent("responses.yml"), atomically: true, encoding: .utf8)
        let filled = try CommandRunner.run(
            [
                "followup", "report.json", "--responses", "responses.yml", "--as-of", "2027-01-10",
                "--format", "csv", "--output", "followup.csv"
            ], in: directory)
        #expect(filled.status == 0, "\(filled.stdout)\(filled.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("followup.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: ",plan-accepted,").count == 9)
    }

    @Test func unusableResponsesGiveOneLineAndExitTwo() throws {
        let directory = try Self.withReport()
        let responses = "version: 1\nresponses:\n  - fingerprint: \"0000000000000000\"\n    correction: x\n"
        try responses.write(to: directory.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(
            ["followup", "report.json", "--responses", "bad.yml", "--as-of", "2027-02-15"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix("bad.yml:3:5: error: no finding of the report has the fingerprint '0000000000000000'"))
        #expect(run.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)

        let noDate = try CommandRunner.run(["followup", "report.json", "--responses", "bad.yml"], in: directory)
        #expect(noDate.status == 2)
        #expect(noDate.stdout.isEmpty)

        let notAReport = try CommandRunner.run(["followup", "--template", "bad.yml"], in: directory)
        #expect(notAReport.status == 2)
        #expect(
            notAReport.stderr
                == "bad.yml: error: this is not an auditready JSON report; give the report written by auditready check --format json\n"
        )

        let overInput = try CommandRunner.run(
            [
                "followup", "report.json", "--responses", Self.responses, "--as-of", "2027-02-15",
                "--output", "report.json"
            ], in: directory)
        #expect(overInput.status == 2)
        #expect(overInput.stderr.contains("it is one of the input files"))
    }

    @Test func htmlIsSelfContainedAndStable() throws {
        let directory = try Self.withReport()
        let arguments = [
            "followup", "report.json", "--responses", Self.responses, Self.corrected, "--as-of", "2027-02-15",
            "--format", "html"
        ]
        let first = try CommandRunner.run(arguments, in: directory)
        let second = try CommandRunner.run(arguments, in: directory)
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!first.stdout.contains("<script"))
        #expect(!first.stdout.contains("http://") && !first.stdout.contains("https://"))
    }
}
