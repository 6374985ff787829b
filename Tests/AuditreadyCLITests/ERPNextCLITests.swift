import Foundation
import Testing

/// The bundled ERPNext mapping through the binary, on the sample exports in Samples/erpnext.
@Suite struct ERPNextCLITests {
    static let sample = CommandRunner.path("Samples/erpnext")

    @Test func checkingTheExportFolderNamesTheRecordsAndWhatIsAbsent() throws {
        let outcome = try CommandRunner.run([
            "check", "--mapping", "erpnext", Self.sample, "--as-of", "2026-11-15",
            "--format", "json", "--quiet"
        ])
        // No major: the run passes the default threshold (--fail-on major).
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        func finding(_ record: String) -> [String: Any]? { findings.first { $0["record"] as? String == record } }
        // The test Issue was never answered; the corrective action is past its completion date.
        let issue = try #require(finding("ISS-2026-00001"), "\(findings.map { $0["record"] ?? "-" })")
        #expect((issue["location"] as? [String: Any])?["file"] as? String == Self.sample + "/Issue.json")
        #expect(finding("QA-ACT-00001") != nil)
        // ERPNext keeps no scope, policy or internal audits: those clauses are not assessed,
        // never majors for a requirement wholly absent.
        let notExported = report["not_exported"] as? [String] ?? []
        #expect(notExported.contains("organisation") && notExported.contains("internal_audits"), "\(notExported)")
        #expect(
            !findings.contains {
                ["Q01-scope-stated", "Q05-quality-policy-exists", "Q44-internal-audit-done"].contains(
                    $0["rule"] as? String)
            })
        // ERPNext has no field for a nonconformity's correction or root cause: no record is judged
        // on them, so the nonconformity log is not a systemic failure (it was a major when the
        // absent fields counted as gaps); the records lacking what ERPNext does hold are minors.
        #expect(!findings.contains { $0["grade"] as? String == "major" })
        let incomplete = findings.filter { $0["rule"] as? String == "Q54-nonconformity-record-complete" }
        #expect(incomplete.compactMap { $0["record"] as? String } == ["QA-NC-00001", "QA-NC-00002"])
        #expect(
            (incomplete.last?["message"] as? String)?.contains(
                "correction: not in the export; root cause: not in the export; corrective action: none") == true)
        #expect(
            report["fields_not_exported"] as? [String] == ["nonconformities.correction", "nonconformities.root_cause"])
        // The complaints-handling settings count as exported: the acknowledgement checks run.
        #expect(findings.contains { $0["rule"] as? String == "K07-acknowledgement-missing" })
        #expect(outcome.stderr == "")
    }

    @Test func mapWritesContractJSONThatValidates() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("records.json").path
        let files = ["Quality Goal.json", "Quality Review.json", "Quality Action.json", "Quality Meeting.json"]
            .map { Self.sample + "/" + $0 }
        let mapped = try CommandRunner.run(["map", "--mapping", "erpnext", "--output", output] + files)
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let objectives = records["objectives"] as? [[String: Any]] ?? []
        let onTime = try #require(objectives.first { $0["id"] as? String == "On-time delivery" })
        #expect(onTime["frequency"] as? String == "monthly")
        #expect((onTime["measurements"] as? [[String: Any]])?.first?["recorded_on"] as? String == "2026-09-01")
        let review = try #require((records["management_reviews"] as? [[String: Any]])?.first)
        #expect(review["held_on"] as? String == "2026-10-01T14:00:03")
        #expect(records["data"] == nil)
        let validated = try CommandRunner.run(["validate", output])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    @Test func aFileNamedErpnextIsReadWhenWrittenAsAPath() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("collections:\n  complaints:\n    file: register.csv\n    fields: {id: Ref, received_on: Date}\n".utf8)
            .write(to: directory.appendingPathComponent("erpnext"))
        try Data("Ref,Date\nC-1,2026-11-01\n".utf8).write(to: directory.appendingPathComponent("register.csv"))
        let output = directory.appendingPathComponent("out.json").path
        let local = try CommandRunner.run(
            ["map", "--mapping", "./erpnext", "--output", output, "register.csv"], in: directory)
        #expect(local.status == 0, "\(local.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"C-1\""))
        // The bare name is the bundled mapping, which reads no register.csv.
        let bundled = try CommandRunner.run(
            ["map", "--mapping", "erpnext", "--output", output, "register.csv"], in: directory)
        #expect(bundled.status == 2)
        #expect(bundled.stderr.contains("erpnext.yml (bundled mapping)"), "\(bundled.stderr)")
    }

    @Test func anOutputNamingAFileOfTheInputDirectoryIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let issue = directory.appendingPathComponent("Issue.json")
        try FileManager.default.copyItem(atPath: Self.sample + "/Issue.json", toPath: issue.path)
        let before = try Data(contentsOf: issue)
        for command in [
            ["map", "--mapping", "erpnext", "--output", issue.path, directory.path],
            ["check", "--mapping", "erpnext", "--output", issue.path, directory.path, "--as-of", "2026-11-15"]
        ] {
            let outcome = try CommandRunner.run(command)
            #expect(outcome.status == 2, "\(command[0]): \(outcome.stderr)")
            #expect(try Data(contentsOf: issue) == before, "\(command[0]) overwrote an input")
        }
    }
}
