import Foundation
import Testing

/// `auditready check --stage surveillance|recertification` end to end: the previous stage 2
/// report re-checked on the corrected export, `--cover`, and the one-line errors (exit 2).
@Suite struct SurveillanceCLITests {
    @Test func surveillanceRechecksThePreviousReport() throws {
        let directory = try FollowupCLITests.withReport()
        let arguments = [
            "check", FollowupCLITests.corrected, "--stage", "surveillance", "--as-of", "2027-10-20",
            "--previous", "report.json", "--responses", FollowupCLITests.responses, "--format", "json"
        ]
        let run = try CommandRunner.run(arguments, in: directory)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["stage"] as? String == "surveillance")
        let previous = try #require(object["previous"] as? [String: Any])
        #expect(previous["path"] as? String == "report.json")
        #expect(previous["as_of"] as? String == "2026-11-15")
        #expect((previous["sha256"] as? String)?.count == 64)
        let items = try #require(previous["findings"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for item in items { statuses[item["record"] as? String ?? ""] = item["status"] as? String }
        // Calibration (7.1.5.2) is not a surveillance topic: not re-checked without --cover.
        #expect(statuses["EQ-02"] == "not_rechecked")
        // Declared done in the responses, yet fires again on the corrected export.
        #expect(statuses["CMP-2026-07"] == "recurring")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(
            findings.contains {
                $0["rule"] as? String == "AR-10.2-recurring-nonconformity" && $0["record"] as? String == "CMP-2026-07"
            })
        // With the clause covered, the calibration is re-checked and closed.
        let covered = try CommandRunner.run(
            [
                "check", FollowupCLITests.corrected, "--stage", "surveillance", "--cover", "7.1.5",
                "--as-of", "2027-10-20", "--previous", "report.json", "--format", "json"
            ], in: directory)
        let coveredObject = try #require(
            try JSONSerialization.jsonObject(with: Data(covered.stdout.utf8)) as? [String: Any])
        let coveredItems = try #require((coveredObject["previous"] as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(coveredItems.first { $0["record"] as? String == "EQ-02" }?["status"] as? String == "closed")
        // The text report in French.
        let french = try CommandRunner.run(
            [
                "check", FollowupCLITests.corrected, "--stage", "recertification", "--as-of", "2027-10-20",
                "--previous", "report.json", "--lang", "fr", "--format", "markdown"
            ], in: directory)
        #expect(french.stdout.contains("Audit de renouvellement"), "\(french.stderr)")
        #expect(french.stdout.contains("Non-conformités de l'audit précédent"))
    }

    @Test func unusableCombinationsExitTwoOnOneLine() throws {
        let directory = try FollowupCLITests.withReport()
        try Data("{\"hello\": 1}".utf8).write(to: directory.appendingPathComponent("other.json"))
        let cases: [([String], String)] = [
            (
                ["--stage", "certification", "--previous", "report.json", "--as-of", "2027-10-20"],
                "--stage surveillance"
            ),
            (["--stage", "surveillance", "--previous", "report.json", "--as-of", "2026-10-01"], "after the audit date"),
            (
                ["--stage", "surveillance", "--previous", "other.json", "--as-of", "2027-10-20"],
                "not an auditready JSON report"
            ),
            (
                ["--stage", "surveillance", "--responses", FollowupCLITests.responses, "--as-of", "2027-10-20"],
                "--previous"
            ),
            (["--stage", "certification", "--cover", "8.4", "--as-of", "2027-10-20"], "--stage surveillance")
        ]
        for (extra, expected) in cases {
            let run = try CommandRunner.run(["check", FollowupCLITests.corrected] + extra, in: directory)
            #expect(run.status == 2, "\(extra): \(run.stderr)")
            #expect(run.stderr.contains(expected), "\(extra): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(extra): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }
}
